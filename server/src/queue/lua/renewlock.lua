-- Called by the rebuilder after its (possibly slow) snapshot load, before it touches the queue.
-- KEYS[1] readiness marker, KEYS[2] rebuild lock; ARGV[1] our owner value, ARGV[2] lifetime ms.
-- Answers 2 when the queue became ready meanwhile (our snapshot is not needed), 0 when the lock
-- expired and someone else owns it now (writing our older snapshot over theirs would drop tokens
-- issued in between), 1 when the lock is still ours; it is then extended for the writes.
if redis.call('EXISTS', KEYS[1]) == 1 then
    return 2
end
if redis.call('GET', KEYS[2]) ~= ARGV[1] then
    return 0
end
redis.call('PEXPIRE', KEYS[2], ARGV[2])
return 1
