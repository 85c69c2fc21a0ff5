-- The server names number_service_id in its own INSERT: the trigger of 0002 now only fills it in
-- for writers that leave it out (the seed, hand-written SQL). A PL/pgSQL call per row was a
-- measurable part of issuing tokens in batches.
DROP TRIGGER tokens_number_service ON tokens;
CREATE TRIGGER tokens_number_service BEFORE INSERT ON tokens
    FOR EACH ROW WHEN (NEW.number_service_id IS NULL) EXECUTE FUNCTION tokens_number_service();
