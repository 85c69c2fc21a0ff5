-- Nextup schema, version 1. Forward-only: never edit a migration that has shipped; add a new file.
-- Applied by `nextup-server migrate`, recorded in schema_migrations.

CREATE TABLE branches (
    id          serial PRIMARY KEY,
    name        text NOT NULL UNIQUE,
    timezone    text NOT NULL DEFAULT 'UTC',   -- IANA name; the business day follows it
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
    id             serial PRIMARY KEY,
    username       text NOT NULL,
    password_hash  text NOT NULL,               -- libsodium argon2id string
    role           text NOT NULL CHECK (role IN ('admin', 'operator', 'kiosk', 'user')),
    full_name      text NOT NULL DEFAULT '',
    active         boolean NOT NULL DEFAULT true,
    created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_username_key ON users (lower(username));

CREATE TABLE services (
    id                   serial PRIMARY KEY,
    branch_id            integer NOT NULL REFERENCES branches (id),
    code                 text NOT NULL CHECK (code ~ '^[A-Z]{1,3}$'),  -- letter(s) in D001
    name                 text NOT NULL,
    avg_service_seconds  integer NOT NULL DEFAULT 300 CHECK (avg_service_seconds > 0),
    target_wait_seconds  integer NOT NULL DEFAULT 900 CHECK (target_wait_seconds > 0),
    active               boolean NOT NULL DEFAULT true,
    created_at           timestamptz NOT NULL DEFAULT now(),
    UNIQUE (branch_id, code)
);

CREATE TABLE counters (
    id            serial PRIMARY KEY,
    branch_id     integer NOT NULL REFERENCES branches (id),
    name          text NOT NULL,
    status        text NOT NULL DEFAULT 'closed' CHECK (status IN ('open', 'paused', 'closed')),
    operator_id   integer REFERENCES users (id),   -- who opened it; only they act on it
    pause_reason  text,
    active        boolean NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL DEFAULT now(),
    UNIQUE (branch_id, name)
);

CREATE TABLE counter_services (
    counter_id  integer NOT NULL REFERENCES counters (id) ON DELETE CASCADE,
    service_id  integer NOT NULL REFERENCES services (id) ON DELETE CASCADE,
    PRIMARY KEY (counter_id, service_id)
);

CREATE TABLE tokens (
    id                 bigserial PRIMARY KEY,
    service_id         integer NOT NULL REFERENCES services (id),
    business_date      date NOT NULL,
    number             integer NOT NULL CHECK (number > 0),
    token_number       text NOT NULL,                 -- 'D007'
    status             text NOT NULL DEFAULT 'waiting'
                       CHECK (status IN ('waiting', 'called', 'serving', 'completed', 'skipped', 'cancelled')),
    priority           smallint NOT NULL DEFAULT 0 CHECK (priority BETWEEN 0 AND 9), -- higher first
    customer_info      jsonb NOT NULL DEFAULT '{}'::jsonb,
    preferred_slot     timestamptz,
    arrival_at         timestamptz NOT NULL,          -- place in line: created_at or the booked slot
    created_at         timestamptz NOT NULL DEFAULT now(),
    called_at          timestamptz,
    serving_at         timestamptz,
    finished_at        timestamptz,                   -- completed, skipped or cancelled
    counter_id         integer REFERENCES counters (id),
    target_counter_id  integer REFERENCES counters (id), -- set by a transfer to one counter
    operator_id        integer REFERENCES users (id),
    created_by         integer REFERENCES users (id),
    recall_count       integer NOT NULL DEFAULT 0,
    eta_seconds        integer NOT NULL DEFAULT 0,    -- the ETA promised at issue, for accuracy
    secret_hash        text NOT NULL,                 -- sha256 of the customer's status secret
    UNIQUE (service_id, business_date, number)
);
CREATE INDEX tokens_waiting_idx ON tokens (business_date, status) WHERE status IN ('waiting', 'called', 'serving');
CREATE INDEX tokens_created_idx ON tokens (created_at);
CREATE INDEX tokens_counter_idx ON tokens (counter_id, created_at);

-- Append-only history: one row per state change, written in the same transaction as the change.
CREATE TABLE token_events (
    id           bigserial PRIMARY KEY,
    token_id     bigint NOT NULL REFERENCES tokens (id),
    event        text NOT NULL,       -- generated, called, recalled, served, completed, skipped, ...
    from_status  text,
    to_status    text NOT NULL,
    service_id   integer REFERENCES services (id),
    counter_id   integer REFERENCES counters (id),
    actor_id     integer REFERENCES users (id),
    reason       text,
    at           timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX token_events_token_idx ON token_events (token_id, id);

CREATE TABLE refresh_tokens (
    id          bigserial PRIMARY KEY,
    user_id     integer NOT NULL REFERENCES users (id),
    family      text NOT NULL,          -- all rotations of one login share it
    token_hash  text NOT NULL UNIQUE,   -- sha256 of the token; the token itself is never stored
    issued_at   timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz,            -- set when rotated; a second use revokes the family
    revoked_at  timestamptz
);
CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family);

CREATE TABLE audit_log (
    id         bigserial PRIMARY KEY,
    actor_id   integer REFERENCES users (id),
    action     text NOT NULL,     -- e.g. service.create, user.update, token.assign
    entity     text NOT NULL,
    entity_id  text,
    details    jsonb NOT NULL DEFAULT '{}'::jsonb,
    at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_log_at_idx ON audit_log (at);
