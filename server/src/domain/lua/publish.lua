-- Numbers and publishes events atomically, so that the order of `seq` is the order in which
-- subscribers receive events (two workers that INCR then PUBLISH separately could cross).
-- KEYS[1] readiness marker, KEYS[2] the installation's event sequence.
-- ARGV[1] channel; then, per event, its envelope up to `"seq":` and the rest of it. Several
-- events (a batch of new tokens) cost one script run and get consecutive seqs. Answers the last.
-- Needs the marker: after Redis lost its data the sequence must first be raised past every seq
-- already handed out (the rebuild does that), or clients would see it go backwards. An event
-- refused here gets no seq, so no client could see a gap: they are all told to resync instead.
if redis.call('EXISTS', KEYS[1]) == 0 then
    redis.call('PUBLISH', ARGV[1], '{"resync":"an event was lost while the live queue was rebuilt"}')
    return redis.error_reply('NXNOTREADY the live queue must be rebuilt')
end
local seq = 0
for i = 2, #ARGV - 1, 2 do
    seq = redis.call('INCR', KEYS[2])
    redis.call('PUBLISH', ARGV[1], ARGV[i] .. seq .. ARGV[i + 1])
end
return seq
