-- The audit trail: insert-only, hash-chained entries (docs/audit.md), and the chain head that
-- appends lock so the chain never forks. Runs on PostgreSQL and on the embedded H2 database;
-- PostgreSQL additionally refuses changes to entries (db/migration-postgresql).
CREATE TABLE audit_entry (
    sequence       BIGINT                   PRIMARY KEY,
    occurred_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    actor_kind     VARCHAR(20)              NOT NULL,
    actor_name     VARCHAR(200)             NOT NULL,
    actor_roles    VARCHAR(200)             NOT NULL,
    action         VARCHAR(80)              NOT NULL,
    target_type    VARCHAR(40),
    target_id      VARCHAR(100),
    target_name    VARCHAR(200),
    project        VARCHAR(100),
    environment    VARCHAR(100),
    outcome        VARCHAR(20)              NOT NULL,
    client_address VARCHAR(64),
    user_agent     VARCHAR(300),
    request_id     VARCHAR(64),
    details        VARCHAR(65536)           NOT NULL,
    previous_hash  CHAR(64)                 NOT NULL,
    entry_hash     CHAR(64)                 NOT NULL,
    CONSTRAINT audit_entry_outcome_known CHECK (outcome IN ('SUCCEEDED', 'DENIED', 'FAILED')),
    CONSTRAINT audit_entry_actor_known CHECK (actor_kind IN ('USER', 'API_TOKEN', 'SYSTEM', 'ANONYMOUS'))
);

CREATE TABLE audit_chain_head (
    id            SMALLINT PRIMARY KEY,
    last_sequence BIGINT   NOT NULL,
    last_hash     CHAR(64) NOT NULL,
    CONSTRAINT audit_chain_head_single CHECK (id = 1)
);
INSERT INTO audit_chain_head (id, last_sequence, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
