-- The application's role (${runtimeRole}, from CAPSTAN_DB_USER) may read and change Capstan's
-- tables, but may only add to the audit trail. With two roles (CAPSTAN_DB_MIGRATION_USER owns the
-- schema) it owns nothing, so it cannot re-grant itself, drop the triggers or alter the tables.
-- With one role these grants change nothing; the revokes of V2_1 and V3_1 still hold.
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO "${runtimeRole}";
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO "${runtimeRole}";
REVOKE UPDATE, DELETE, TRUNCATE ON audit_entry, audit_checkpoint FROM "${runtimeRole}";
-- Tables that later migrations create, as this owner, are open to the application as well;
-- a migration that adds an audit-like table revokes as above.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO "${runtimeRole}";
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO "${runtimeRole}";
