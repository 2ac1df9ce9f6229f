-- An entry's time is the database's, not the client's: Capstan reads clock_timestamp() under the
-- chain head's lock and dates the entry with it, and this trigger refuses any entry whose time is
-- not the database's present (within 10 seconds) or is earlier than the entry before it. So the
-- role Capstan runs as cannot insert an entry dated yesterday (docs/audit.md, "Times").
CREATE FUNCTION audit_entry_dated_now() RETURNS trigger
    LANGUAGE plpgsql AS
$$
DECLARE
    previous_time TIMESTAMP WITH TIME ZONE;
BEGIN
    IF NEW.occurred_at < clock_timestamp() - INTERVAL '10 seconds'
        OR NEW.occurred_at > clock_timestamp() + INTERVAL '10 seconds' THEN
        RAISE EXCEPTION 'audit entry % is dated %, but the database''s clock says %: entry times come from the database',
            NEW.sequence, NEW.occurred_at, clock_timestamp()
            USING ERRCODE = 'check_violation';
    END IF;
    SELECT occurred_at INTO previous_time FROM audit_entry WHERE sequence = NEW.sequence - 1;
    IF previous_time IS NOT NULL AND NEW.occurred_at < previous_time THEN
        RAISE EXCEPTION 'audit entry % is dated %, before entry % (%)', NEW.sequence, NEW.occurred_at,
            NEW.sequence - 1, previous_time
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER audit_entry_dated_by_database
    BEFORE INSERT ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_dated_now();
