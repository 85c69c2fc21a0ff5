-- Numbers a batch of new tokens and counts, for each, the tokens already waiting ahead of it,
-- before the batch is written to Postgres (the count gives the ETA stored with the token).
-- KEYS[1] readiness marker; then for token i: KEYS[2i] its day's number sequence, KEYS[2i+1] the
-- queue it will join. ARGV[1] the sequences' lifetime in seconds; ARGV[i+1] token i's score.
-- Answers {number_1, ahead_1, number_2, ahead_2, ...}. Needs the marker: after a flush the
-- sequences would restart at 1 and repeat numbers that Postgres already holds; the rebuild raises
-- them to the last issued number first.
if redis.call('EXISTS', KEYS[1]) == 0 then
    return redis.error_reply('NXNOTREADY the live queue must be rebuilt')
end
local out = {}
for i = 1, #ARGV - 1 do
    local sequence, queue = KEYS[2 * i], KEYS[2 * i + 1]
    local number = redis.call('INCR', sequence)
    redis.call('EXPIRE', sequence, ARGV[1])
    out[2 * i - 1] = number
    out[2 * i] = redis.call('ZCOUNT', queue, '-inf', '(' .. ARGV[i + 1])
end
return out
