-- Number of waiting tokens in each queue, in KEYS order after the marker.
-- KEYS[1] readiness marker, KEYS[2..] queues.
if redis.call('EXISTS', KEYS[1]) == 0 then
    return redis.error_reply('NXNOTREADY the live queue must be rebuilt')
end
local counts = {}
for i = 2, #KEYS do
    counts[#counts + 1] = redis.call('ZCARD', KEYS[i])
end
return counts
