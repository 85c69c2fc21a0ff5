-- Undoes a call-next whose token the counter did not call after all (see callnext.lua).
-- KEYS[1] readiness marker, KEYS[2] the queue it was taken from, KEYS[3] the counter's
-- current-token key. ARGV[1] the queue member, ARGV[2] its score, ARGV[3] the token id,
-- ARGV[4] the counter's current token before the call ("" if none).
-- The token goes back with its score, so in the same place; the current-token key gets its old
-- value back unless a later call already replaced the token this one set. Answers 1.
if redis.call('EXISTS', KEYS[1]) == 0 then
    return redis.error_reply('NXNOTREADY the live queue must be rebuilt')
end
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[1])
if redis.call('GET', KEYS[3]) == ARGV[3] then
    if ARGV[4] == '' then
        redis.call('DEL', KEYS[3])
    else
        redis.call('SET', KEYS[3], ARGV[4])
    end
end
return 1
