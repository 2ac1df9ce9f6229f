-- The auditor's filters, each usable with keyset paging (newest first by sequence).
CREATE INDEX audit_entry_occurred_at ON audit_entry (occurred_at);
CREATE INDEX audit_entry_actor ON audit_entry (actor_name, sequence);
CREATE INDEX audit_entry_action ON audit_entry (action, sequence);
CREATE INDEX audit_entry_project ON audit_entry (project, environment, sequence);
CREATE INDEX audit_entry_outcome ON audit_entry (outcome, sequence);
