-- Idempotency-Key (docs/api.md "Retries"): the first answer to a caller's key, kept 24 hours, so
-- a retried POST returns it instead of acting twice. key_hash: BLAKE2b of the caller and the
-- key (the key itself is not kept); request_hash: of the method, path and body (the same key on
-- another request is refused); answer: the first answer's status and body, sealed with a key
-- derived from the Idempotency-Key (a token's answer holds its secret), so this table alone
-- gives nothing away. A pending row is a request being answered now.
CREATE TABLE idempotency_keys (
    key_hash text PRIMARY KEY,
    request_hash text NOT NULL,
    state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'done')),
    answer text,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL DEFAULT now() + interval '24 hours'
);
CREATE INDEX idempotency_keys_expiry_idx ON idempotency_keys (expires_at);
