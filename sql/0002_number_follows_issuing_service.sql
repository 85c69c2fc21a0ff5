-- A token's number belongs to the service that issued it. A transfer moves a token into another
-- service's line (service_id changes) but it keeps its number: D001 sent to Passbook is still
-- D001 and must not collide with P001. So uniqueness, and the floor the live queue's number
-- sequences are rebuilt from, follow the issuing service, kept here in number_service_id.
ALTER TABLE tokens ADD COLUMN number_service_id integer REFERENCES services (id);
UPDATE tokens SET number_service_id = service_id;
ALTER TABLE tokens ALTER COLUMN number_service_id SET NOT NULL;

-- Filled at insert, so writers that name only service_id (the server, the seed) stay correct.
CREATE FUNCTION tokens_number_service() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.number_service_id := COALESCE(NEW.number_service_id, NEW.service_id);
    RETURN NEW;
END
$$;
CREATE TRIGGER tokens_number_service BEFORE INSERT ON tokens
    FOR EACH ROW EXECUTE FUNCTION tokens_number_service();

ALTER TABLE tokens DROP CONSTRAINT tokens_service_id_business_date_number_key;
ALTER TABLE tokens ADD CONSTRAINT tokens_number_key UNIQUE (number_service_id, business_date, number);
