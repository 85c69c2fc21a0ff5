-- A counter works on at most one token at a time (called or serving). The server checks this
-- before a call, but two calls at the same counter can both pass that check (a double click on
-- "next" while a token is served: one completes it, the other then sees an idle counter), and
-- only a unique index stops the second. It replaces 0003's plain index on the same rows.
--
-- Should a counter already hold several such tokens, all but the one called last are marked
-- skipped, with an event saying why, so that the index can be built.
WITH ranked AS (
    SELECT id, status,
           row_number() OVER (PARTITION BY counter_id ORDER BY called_at DESC NULLS LAST, id DESC) AS n
    FROM tokens
    WHERE counter_id IS NOT NULL AND status IN ('called', 'serving')
), extra AS (
    UPDATE tokens t SET status = 'skipped', finished_at = clock_timestamp()
    FROM ranked r WHERE t.id = r.id AND r.n > 1
    RETURNING t.id, r.status AS from_status, t.service_id, t.counter_id
)
INSERT INTO token_events (token_id, event, from_status, to_status, service_id, counter_id, reason)
SELECT id, 'skipped', from_status, 'skipped', service_id, counter_id,
       'migration 0006: a second token at the same counter'
FROM extra;

CREATE UNIQUE INDEX tokens_one_at_counter_key ON tokens (counter_id)
    WHERE status IN ('called', 'serving');
DROP INDEX tokens_at_counter_idx;
