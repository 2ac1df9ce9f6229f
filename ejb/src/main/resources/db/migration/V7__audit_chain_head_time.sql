-- The chain head remembers the newest entry's time, so that the next entry is never dated
-- before it (verification reports an entry dated before the one it follows as back-dated).
ALTER TABLE audit_chain_head ADD COLUMN last_time TIMESTAMP WITH TIME ZONE;
UPDATE audit_chain_head SET last_time = (SELECT occurred_at FROM audit_entry WHERE sequence = audit_chain_head.last_sequence);
