-- Appointments: a token with a time is booked until the customer checks in, and only then joins
-- the live line (docs/api.md, "Appointments").
--
-- Branches get their opening hours (weekly, in the branch's zone), closed dates, how far ahead
-- one may book and the check-in window; services get their slot length and, when an admin sets
-- it, the places of a slot (NULL: from the counters that serve the service).
ALTER TABLE branches
    ADD COLUMN opening_hours jsonb NOT NULL DEFAULT
        '{"mon":[["09:00","17:00"]],"tue":[["09:00","17:00"]],"wed":[["09:00","17:00"]],"thu":[["09:00","17:00"]],"fri":[["09:00","17:00"]],"sat":[],"sun":[]}'::jsonb,
    ADD COLUMN booking_horizon_days integer NOT NULL DEFAULT 14 CHECK (booking_horizon_days BETWEEN 0 AND 366),
    ADD COLUMN checkin_early_minutes integer NOT NULL DEFAULT 30 CHECK (checkin_early_minutes BETWEEN 0 AND 1440),
    ADD COLUMN checkin_late_minutes integer NOT NULL DEFAULT 15 CHECK (checkin_late_minutes BETWEEN 0 AND 1440);

CREATE TABLE branch_closed_dates (
    branch_id  integer NOT NULL REFERENCES branches (id) ON DELETE CASCADE,
    day        date NOT NULL,
    reason     text NOT NULL DEFAULT '',
    PRIMARY KEY (branch_id, day)
);

ALTER TABLE services
    ADD COLUMN slot_minutes integer NOT NULL DEFAULT 15 CHECK (slot_minutes BETWEEN 5 AND 240),
    ADD COLUMN slot_capacity integer CHECK (slot_capacity BETWEEN 0 AND 1000);

-- booked: an appointment not checked in yet (never in the live line); expired: a booked token
-- whose check-in window passed (a no-show).
ALTER TABLE tokens DROP CONSTRAINT tokens_status_check;
ALTER TABLE tokens ADD CONSTRAINT tokens_status_check CHECK (status IN
    ('booked', 'waiting', 'called', 'serving', 'completed', 'skipped', 'cancelled', 'expired'));
ALTER TABLE tokens ADD COLUMN checked_in_at timestamptz;

-- The places taken in a slot are counted from the tokens themselves (every status but
-- cancelled), so nothing can be freed twice.
CREATE INDEX tokens_slot_idx ON tokens (service_id, preferred_slot) WHERE preferred_slot IS NOT NULL;
-- The no-show sweep and the appointments list look up booked tokens by time.
CREATE INDEX tokens_booked_idx ON tokens (preferred_slot) WHERE status = 'booked';

-- Tokens taken before this migration with a slot still ahead were put in the line at their
-- slot's time; they are appointments now. The live queue drops them when Redis next offers them
-- (a call finds them no longer waiting) or rebuilds from Postgres.
WITH moved AS (
    UPDATE tokens SET status = 'booked'
    WHERE status = 'waiting' AND preferred_slot > now()
    RETURNING id, service_id
)
INSERT INTO token_events (token_id, event, from_status, to_status, service_id, reason)
SELECT id, 'booked', 'waiting', 'booked', service_id, 'migration 0007: a future slot is an appointment'
FROM moved;
