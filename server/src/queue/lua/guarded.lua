-- Runs one single-key command only while the live queue is complete.
-- KEYS[1] readiness marker, KEYS[2] the key the command works on.
-- ARGV[1] command (from the list below), ARGV[2..] its arguments after the key.
-- Without the marker Redis was emptied or restarted: answering from the partial data would hand
-- out wrong positions, counts or token numbers, so the caller must rebuild first.
if redis.call('EXISTS', KEYS[1]) == 0 then
    return redis.error_reply('NXNOTREADY the live queue must be rebuilt')
end
local allowed = { ZADD = true, ZREM = true, ZRANK = true, ZRANGE = true,
                  GET = true, SET = true, DEL = true, INCR = true }
local command = string.upper(ARGV[1])
if not allowed[command] then
    return redis.error_reply('ERR guarded.lua does not run ' .. command)
end
return redis.call(command, KEYS[2], unpack(ARGV, 2))
