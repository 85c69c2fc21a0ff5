-- Fixed-window rate limit: at most ARGV[1] hits per window of ARGV[2] seconds.
-- KEYS[1] the bucket (one per client and action).
-- Answers {allowed 0/1, milliseconds until the window resets, hits remaining}.
local limit = tonumber(ARGV[1])
local windowMs = tonumber(ARGV[2]) * 1000
local hits = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
    redis.call('PEXPIRE', KEYS[1], windowMs)
    ttl = windowMs
end
if hits > limit then
    return { 0, ttl, 0 }
end
return { 1, ttl, limit - hits }
