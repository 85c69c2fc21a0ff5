-- Indexes for the two reads on every counter action and token issue, which otherwise walk a
-- history that only grows (measured with bench/run.sh: call-next p99 18 -> 13 ms at 20,000 tokens).
-- The ETA estimator's "last 20 completed tokens of a service":
CREATE INDEX tokens_completed_idx ON tokens (service_id, finished_at)
    WHERE status = 'completed';
-- A counter's current token (at most one row per counter matches):
CREATE INDEX tokens_at_counter_idx ON tokens (counter_id)
    WHERE status IN ('called', 'serving');
