-- Deletes a key only if it still holds the value we saw or set (compare-and-delete).
-- Releases the rebuild lock only if we still own it (after it expired someone else may hold
-- it), and drops a stale readiness marker only if no rebuild replaced it meanwhile.
-- KEYS[1] the key; ARGV[1] the expected value. Answers 1 when deleted.
if redis.call('GET', KEYS[1]) == ARGV[1] then
    return redis.call('DEL', KEYS[1])
end
return 0
