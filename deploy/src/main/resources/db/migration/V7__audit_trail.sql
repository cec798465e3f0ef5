-- The revisor's audit trail: one row per stored event (a read table, rebuilt by replay like the others).
CREATE TABLE audit_entry (
    global_index         BIGINT PRIMARY KEY,
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    event_type           VARCHAR(100) NOT NULL,
    entity_kind          VARCHAR(20)  NOT NULL,
    -- <prefix>:<scope>:<id>, see EntityKind; at most 200 characters by construction
    entity_key           VARCHAR(200) NOT NULL,
    occurred_at          TIMESTAMPTZ  NOT NULL,
    -- from the event's metadata; null where the event was recorded before the key was kept
    who                  TEXT,
    who_name             TEXT,
    role                 TEXT,
    namnd_scope          TEXT,
    client               TEXT,
    reason               TEXT,
    idempotency_key      TEXT,
    request_id           TEXT,
    correlation_id       TEXT,
    -- the beslut the event cites (organ, datum, paragraf, diarienummer), null when it cites none
    beslut               JSONB,
    -- the entity's content before (null for its first event) and after the event
    before               JSONB,
    after                JSONB        NOT NULL
);

-- One entity's history in order, and the previous row of an entity when a new one is written.
CREATE INDEX audit_entry_entity ON audit_entry (entity_key, global_index);
-- What a beslut authorised: by diarienummer alone (prefix) or the whole beslut.
CREATE INDEX audit_entry_beslut ON audit_entry ((beslut ->> 'diarienummer'), (beslut ->> 'organ'),
    (beslut ->> 'datum'), (beslut ->> 'paragraf'), global_index) WHERE beslut IS NOT NULL;
-- What a person did in a time range.
CREATE INDEX audit_entry_who ON audit_entry (who, occurred_at);

-- Who read the audit trail: a record of its own, not derived from events, so never emptied by a rebuild.
CREATE TABLE audit_read (
    id      BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    read_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    who     TEXT        NOT NULL,
    path    TEXT        NOT NULL,
    query   TEXT
);
