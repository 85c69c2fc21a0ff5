-- Names in every language, and what a customer needs to find a branch (docs/api.md "Names in
-- every language", "Branch directory"). `names` maps a language ("es", "ar", ...) to the name in
-- it; the plain `name` is the default, shown where a language has none. A branch gets a short
-- `code` for deep links (/?branch=<code>) and posters, and an address for receipts.
ALTER TABLE branches ADD COLUMN code text;
UPDATE branches SET code = 'B' || id;
ALTER TABLE branches ALTER COLUMN code SET NOT NULL;
-- A branch made without a code (an older client, a script) gets B<id>.
CREATE FUNCTION branches_default_code() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.code IS NULL THEN
        NEW.code := 'B' || NEW.id;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER branches_default_code BEFORE INSERT ON branches
    FOR EACH ROW EXECUTE FUNCTION branches_default_code();
ALTER TABLE branches ADD CONSTRAINT branches_code_format CHECK (code ~ '^[A-Za-z0-9_-]{1,32}$');
CREATE UNIQUE INDEX branches_code_key ON branches (lower(code));
ALTER TABLE branches ADD COLUMN address text NOT NULL DEFAULT '';
ALTER TABLE branches ADD COLUMN names jsonb NOT NULL DEFAULT '{}'
    CHECK (jsonb_typeof(names) = 'object');

ALTER TABLE services ADD COLUMN names jsonb NOT NULL DEFAULT '{}'
    CHECK (jsonb_typeof(names) = 'object');
ALTER TABLE services ADD COLUMN description text NOT NULL DEFAULT '';
ALTER TABLE services ADD COLUMN descriptions jsonb NOT NULL DEFAULT '{}'
    CHECK (jsonb_typeof(descriptions) = 'object');

ALTER TABLE counters ADD COLUMN names jsonb NOT NULL DEFAULT '{}'
    CHECK (jsonb_typeof(names) = 'object');
