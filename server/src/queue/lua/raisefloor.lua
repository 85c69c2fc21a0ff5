-- Raises a counter to at least a floor, never lowers it (used by the rebuild).
-- KEYS[1] counter; ARGV[1] floor; ARGV[2] lifetime in seconds, 0 for none.
-- Answers the value after the call.
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
local floor = tonumber(ARGV[1])
if current < floor then
    redis.call('SET', KEYS[1], ARGV[1])
    current = floor
end
if tonumber(ARGV[2]) > 0 then
    redis.call('EXPIRE', KEYS[1], ARGV[2])
end
return current
