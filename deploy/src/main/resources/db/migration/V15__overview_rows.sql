-- The two overviews (uppsiktsplikt, internal control) as projected rows, built by the overview-views processor in
-- store order (one segment). Disposable: rebuilt from the events.

-- The processor's own copy of the documents its rows are computed from (plans, occasions, IK-plans, ISK-bedömningar,
-- RF uppdrag), applied with the same document functions as the other projections: never read from another
-- processor's tables, which may lag behind it.
CREATE TABLE overview_document (
    aggregate_id VARCHAR(120) PRIMARY KEY,
    kind         VARCHAR(20)  NOT NULL,
    namnd_code   VARCHAR(20),
    year         INTEGER,
    document     JSONB        NOT NULL
);
CREATE INDEX overview_document_by_year ON overview_document (kind, year, namnd_code);

-- The nämnder, with the event from which each is listed.
CREATE TABLE overview_namnd (
    code         VARCHAR(20) PRIMARY KEY,
    name         TEXT        NOT NULL,
    global_index BIGINT      NOT NULL,
    event_time   TIMESTAMPTZ NOT NULL
);

-- Each row's versions. row_view FOLLOWUP (row_key: occasion id), IK (row_key: nämnd), SAMLAD (row_key: ''). A version
-- holds from the event (global index, time) that wrote it until the one that replaced it (valid_to null: current).
CREATE TABLE overview_row (
    row_view   VARCHAR(10)  NOT NULL,
    year       INTEGER      NOT NULL,
    row_key    VARCHAR(120) NOT NULL,
    namnd_code VARCHAR(20),
    kind       VARCHAR(30),
    valid_from BIGINT       NOT NULL,
    from_time  TIMESTAMPTZ  NOT NULL,
    valid_to   BIGINT,
    to_time    TIMESTAMPTZ,
    row        JSONB        NOT NULL,
    PRIMARY KEY (row_view, year, row_key, valid_from)
);
CREATE UNIQUE INDEX overview_row_current ON overview_row (row_view, year, row_key) WHERE valid_to IS NULL;
CREATE INDEX overview_row_live ON overview_row (year) WHERE valid_to IS NULL;
CREATE INDEX overview_row_as_of ON overview_row (year, from_time, to_time);
