-- Checkpoints are as final as entries: no UPDATE, DELETE or TRUNCATE (see V2_1).
REVOKE UPDATE, DELETE, TRUNCATE ON audit_checkpoint FROM PUBLIC;
REVOKE UPDATE, DELETE, TRUNCATE ON audit_checkpoint FROM CURRENT_USER;

CREATE TRIGGER audit_checkpoint_no_update_or_delete
    BEFORE UPDATE OR DELETE ON audit_checkpoint
    FOR EACH ROW EXECUTE FUNCTION audit_entry_refuse_change();

CREATE TRIGGER audit_checkpoint_no_truncate
    BEFORE TRUNCATE ON audit_checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_refuse_change();
