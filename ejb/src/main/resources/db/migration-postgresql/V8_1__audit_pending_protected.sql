-- Pending entries are as protected as chained ones, for the short time they wait (V8):
-- * their time is the database's clock at insert, whatever the client sends;
-- * nobody but the superuser may change them or empty the table, and triggers refuse both even
--   for the owner;
-- * a pending entry may be removed only once an entry linked from it is in the chain.
-- And an entry enters the chain only from a pending entry, with that entry's time, or its
-- predecessor's when that is later (this replaces V7_1's "within 10 seconds of the clock": an
-- entry left pending by a crash is linked at the next start, dated when its action happened).
REVOKE UPDATE, TRUNCATE ON audit_pending FROM PUBLIC;
REVOKE UPDATE, TRUNCATE ON audit_pending FROM CURRENT_USER;
REVOKE UPDATE, TRUNCATE ON audit_pending FROM "${runtimeRole}";
ALTER TABLE audit_pending ALTER COLUMN occurred_at SET DEFAULT clock_timestamp();

CREATE FUNCTION audit_pending_dated_now() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    NEW.occurred_at := clock_timestamp();
    RETURN NEW;
END;
$$;

CREATE TRIGGER audit_pending_dated_by_database
    BEFORE INSERT ON audit_pending
    FOR EACH ROW EXECUTE FUNCTION audit_pending_dated_now();

CREATE TRIGGER audit_pending_no_update
    BEFORE UPDATE ON audit_pending
    FOR EACH ROW EXECUTE FUNCTION audit_entry_refuse_change();

CREATE TRIGGER audit_pending_no_truncate
    BEFORE TRUNCATE ON audit_pending
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_refuse_change();

CREATE FUNCTION audit_pending_leaves_when_chained() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM audit_entry WHERE pending_id = OLD.id) THEN
        RAISE EXCEPTION 'pending audit entry % is not in the chain yet: it cannot be removed', OLD.id
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN OLD;
END;
$$;

CREATE TRIGGER audit_pending_delete_only_chained
    BEFORE DELETE ON audit_pending
    FOR EACH ROW EXECUTE FUNCTION audit_pending_leaves_when_chained();

CREATE OR REPLACE FUNCTION audit_entry_dated_now() RETURNS trigger
    LANGUAGE plpgsql AS
$$
DECLARE
    pending_time  TIMESTAMP WITH TIME ZONE;
    previous_time TIMESTAMP WITH TIME ZONE;
BEGIN
    SELECT occurred_at INTO pending_time FROM audit_pending WHERE id = NEW.pending_id;
    IF pending_time IS NULL THEN
        RAISE EXCEPTION 'audit entry % does not come from a pending entry: entries enter the chain only from audit_pending',
            NEW.sequence
            USING ERRCODE = 'check_violation';
    END IF;
    SELECT occurred_at INTO previous_time FROM audit_entry WHERE sequence = NEW.sequence - 1;
    IF NEW.occurred_at <> GREATEST(pending_time, previous_time) THEN
        RAISE EXCEPTION 'audit entry % is dated %, but its action happened at % and the entry before it is dated %',
            NEW.sequence, NEW.occurred_at, pending_time, previous_time
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END;
$$;

-- The triggers look rows up by key in tables that start empty and grow fast (or, for
-- audit_pending, fill with dead rows until vacuumed): a plan cached while they were small would
-- scan them whole for every entry. Planned afresh each time, the lookups use their indexes.
ALTER FUNCTION audit_entry_dated_now() SET plan_cache_mode = force_custom_plan;
ALTER FUNCTION audit_pending_leaves_when_chained() SET plan_cache_mode = force_custom_plan;
