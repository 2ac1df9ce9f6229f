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

-- The two checks below run once per statement, over all the rows it changed (the linker
-- inserts and removes a whole batch in one statement each), not once per row.
CREATE FUNCTION audit_pending_leaves_when_chained() RETURNS trigger
    LANGUAGE plpgsql AS
$$
DECLARE
    unchained BIGINT;
BEGIN
    SELECT r.id INTO unchained FROM removed r
    WHERE (SELECT e.pending_id FROM audit_entry e WHERE e.pending_id = r.id) IS NULL LIMIT 1;
    IF unchained IS NOT NULL THEN
        RAISE EXCEPTION 'pending audit entry % is not in the chain yet: it cannot be removed', unchained
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER audit_pending_delete_only_chained
    AFTER DELETE ON audit_pending
    REFERENCING OLD TABLE AS removed
    FOR EACH STATEMENT EXECUTE FUNCTION audit_pending_leaves_when_chained();

-- V7_1's per-row check goes; this one checks every entry a statement added, after it.
DROP TRIGGER audit_entry_dated_by_database ON audit_entry;
DROP FUNCTION audit_entry_dated_now();

CREATE FUNCTION audit_entry_from_pending() RETURNS trigger
    LANGUAGE plpgsql AS
$$
DECLARE
    wrong RECORD;
BEGIN
    SELECT * INTO wrong FROM (
        SELECT a.sequence, a.occurred_at,
               (SELECT p.occurred_at FROM audit_pending p WHERE p.id = a.pending_id) AS pending_time,
               CASE WHEN lag(a.sequence) OVER batch = a.sequence - 1 THEN lag(a.occurred_at) OVER batch
                    ELSE (SELECT e.occurred_at FROM audit_entry e WHERE e.sequence = a.sequence - 1) END AS previous_time
        FROM added a
        WINDOW batch AS (ORDER BY a.sequence)) checked
    WHERE pending_time IS NULL OR occurred_at IS DISTINCT FROM GREATEST(pending_time, previous_time)
    LIMIT 1;
    IF wrong.sequence IS NOT NULL AND wrong.pending_time IS NULL THEN
        RAISE EXCEPTION 'audit entry % does not come from a pending entry: entries enter the chain only from audit_pending',
            wrong.sequence
            USING ERRCODE = 'check_violation';
    END IF;
    IF wrong.sequence IS NOT NULL THEN
        RAISE EXCEPTION 'audit entry % is dated %, but its action happened at % and the entry before it is dated %',
            wrong.sequence, wrong.occurred_at, wrong.pending_time, wrong.previous_time
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER audit_entry_from_pending
    AFTER INSERT ON audit_entry
    REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_from_pending();

-- The checks look each of a statement's rows (a few hundred at most) up in tables that grow
-- without end (or, for audit_pending, fill with dead rows until vacuumed). Statistics of a table
-- that grew since its last ANALYZE say it is small, and the planner would read it whole for
-- every row (measured: 300 ms for a batch of 500 entries with 5,000 stored). Each lookup is a
-- subquery by key, and uses its index; an entry's predecessor is usually in the same batch.
ALTER FUNCTION audit_entry_from_pending() SET enable_seqscan = off;
ALTER FUNCTION audit_pending_leaves_when_chained() SET enable_seqscan = off;
