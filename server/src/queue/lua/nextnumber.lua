-- Next token number of a service on a business day.
-- KEYS[1] readiness marker, KEYS[2] the day's sequence; ARGV[1] lifetime in seconds.
-- Needs the marker too: after a flush the sequence would restart at 1 and repeat numbers that
-- Postgres already holds; the rebuild raises it to the last issued number first.
if redis.call('EXISTS', KEYS[1]) == 0 then
    return redis.error_reply('NXNOTREADY the live queue must be rebuilt')
end
local n = redis.call('INCR', KEYS[2])
redis.call('EXPIRE', KEYS[2], ARGV[1])
return n
