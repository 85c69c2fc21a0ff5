-- Fixed-window rate limits: at most ARGV[1] hits per window of ARGV[2] seconds in each bucket.
-- KEYS: one bucket per hit (one per client and action; a bucket may repeat, each is one hit).
-- ARGV[3] = 'peek': answer whether one more hit would be allowed, without counting it.
-- Answers, per hit, {allowed 0/1, milliseconds until the window resets, hits remaining}.
local limit = tonumber(ARGV[1])
local windowMs = tonumber(ARGV[2]) * 1000
local peek = ARGV[3] == 'peek'
local decisions = {}
for i = 1, #KEYS do
    local hits
    if peek then
        hits = tonumber(redis.call('GET', KEYS[i]) or '0') + 1
    else
        hits = redis.call('INCR', KEYS[i])
    end
    local ttl = redis.call('PTTL', KEYS[i])
    if ttl < 0 then
        if not peek then
            redis.call('PEXPIRE', KEYS[i], windowMs)
        end
        ttl = windowMs
    end
    if hits > limit then
        decisions[i] = { 0, ttl, 0 }
    else
        decisions[i] = { 1, ttl, limit - hits }
    end
end
return decisions
