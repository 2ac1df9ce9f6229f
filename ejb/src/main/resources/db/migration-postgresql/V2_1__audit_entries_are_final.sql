-- On PostgreSQL the database itself refuses to change or remove audit entries: no UPDATE,
-- DELETE or TRUNCATE privilege for anyone but the superuser, and triggers that refuse them
-- even for the table's owner. A database superuser can still get round both; the hash chain and
-- the signed checkpoints make that visible (docs/audit.md).
REVOKE UPDATE, DELETE, TRUNCATE ON audit_entry FROM PUBLIC;
REVOKE UPDATE, DELETE, TRUNCATE ON audit_entry FROM CURRENT_USER;

CREATE FUNCTION audit_entry_refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'the audit trail is final: % on % is refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_entry_no_update_or_delete
    BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_refuse_change();

CREATE TRIGGER audit_entry_no_truncate
    BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_refuse_change();
