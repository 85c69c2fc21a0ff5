-- Deletes a lock only if we still own it: after it expired someone else may hold it.
-- KEYS[1] lock; ARGV[1] the owner value we set.
if redis.call('GET', KEYS[1]) == ARGV[1] then
    return redis.call('DEL', KEYS[1])
end
return 0
