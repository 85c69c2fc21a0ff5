-- Lobby devices (docs/api.md "Devices"): each board or ticket dispenser reports itself every 30 s
-- (POST /api/devices/heartbeat) under an id of its own choosing, kept across restarts. Online
-- means a report within DEVICE_OFFLINE_SECONDS; offline_announced makes the device_status event
-- of a device that went silent go out once, whichever server instance sweeps first.
CREATE TABLE devices (
    id text PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9._-]{1,64}$'),
    name text NOT NULL,
    branch_id integer REFERENCES branches (id) ON DELETE SET NULL,
    mode text NOT NULL CHECK (mode IN ('board', 'dispenser')),
    version text NOT NULL DEFAULT '',
    printer_state text NOT NULL DEFAULT 'none'
        CHECK (printer_state IN ('none', 'ok', 'offline', 'paper_out', 'error')),
    printer_detail text NOT NULL DEFAULT '',
    user_id integer REFERENCES users (id) ON DELETE SET NULL,
    first_seen_at timestamptz NOT NULL DEFAULT now(),
    last_seen_at timestamptz NOT NULL DEFAULT now(),
    offline_announced boolean NOT NULL DEFAULT false
);
CREATE INDEX devices_silent_idx ON devices (last_seen_at) WHERE NOT offline_announced;
