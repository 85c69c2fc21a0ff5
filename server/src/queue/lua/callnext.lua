-- Call next: takes the best waiting token among the counter's candidate queues and makes it the
-- counter's current token, atomically, so two counters can never take the same token.
-- KEYS[1] readiness marker, KEYS[2] the counter's current-token key,
-- KEYS[3..] candidate queues: the counter's own transfer queue and one queue per service.
-- Best = lowest score (priority class, then arrival); equal scores go to the lowest token id,
-- which the zero-padded members give by plain string comparison.
-- Answers {token id (decimal string), the queue it was taken from, its score, the counter's
-- current token before ("" if none)} or nil when every candidate queue is empty: the rest lets
-- putback.lua undo the call exactly.
if redis.call('EXISTS', KEYS[1]) == 0 then
    return redis.error_reply('NXNOTREADY the live queue must be rebuilt')
end
local bestKey, bestMember, bestScore, bestScoreText = nil, nil, nil, nil
for i = 3, #KEYS do
    local head = redis.call('ZRANGE', KEYS[i], 0, 0, 'WITHSCORES')
    if head[1] then
        local score = tonumber(head[2])
        if bestScore == nil or score < bestScore
            or (score == bestScore and head[1] < bestMember) then
            bestKey, bestMember, bestScore, bestScoreText = KEYS[i], head[1], score, head[2]
        end
    end
end
if bestKey == nil then
    return false
end
redis.call('ZREM', bestKey, bestMember)
local id = string.match(bestMember, '^0*(%d+)$')
local previous = redis.call('GET', KEYS[2]) or ''
redis.call('SET', KEYS[2], id)
return { id, bestKey, bestScoreText, previous }
