-- Adds new tokens to their queues, then answers how many tokens wait ahead of each once all of
-- them are in: a whole batch of new tokens in one script run.
-- KEYS[1] readiness marker, KEYS[1 + i] the queue of token i.
-- ARGV[2i - 1] the score of token i, ARGV[2i] its member.
-- Answers one rank per token (-1 if it is no longer there).
if redis.call('EXISTS', KEYS[1]) == 0 then
    return redis.error_reply('NXNOTREADY the live queue must be rebuilt')
end
local count = #KEYS - 1
for i = 1, count do
    redis.call('ZADD', KEYS[i + 1], ARGV[2 * i - 1], ARGV[2 * i])
end
local ranks = {}
for i = 1, count do
    ranks[i] = redis.call('ZRANK', KEYS[i + 1], ARGV[2 * i]) or -1
end
return ranks
