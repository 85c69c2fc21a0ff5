-- Users belong to a branch (docs/api.md "Branches and roles"): branch_id null is head office (every
-- branch). A branch_admin manages only its own branch, so it always has one. An installation that
-- upgrades keeps working as before: its operators and kiosks join the first branch (the one the
-- seed and every earlier version made the default), admins and customers stay unbound.
ALTER TABLE users ADD COLUMN branch_id integer REFERENCES branches (id) ON DELETE RESTRICT;

ALTER TABLE users DROP CONSTRAINT users_role_check;
ALTER TABLE users ADD CONSTRAINT users_role_check
    CHECK (role IN ('admin', 'branch_admin', 'operator', 'kiosk', 'user'));
ALTER TABLE users ADD CONSTRAINT users_branch_admin_has_branch
    CHECK (role <> 'branch_admin' OR branch_id IS NOT NULL);

UPDATE users SET branch_id = (SELECT min(id) FROM branches)
 WHERE role IN ('operator', 'kiosk');

CREATE INDEX users_branch_idx ON users (branch_id) WHERE branch_id IS NOT NULL;
