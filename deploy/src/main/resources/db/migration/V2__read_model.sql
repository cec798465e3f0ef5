-- Read tables: disposable, rebuilt from the event store by replay. Each row remembers the last event applied
-- (global index) so a view can say how current it is.

CREATE TABLE namnd_view (
    code        VARCHAR(20) PRIMARY KEY,
    name        TEXT NOT NULL,
    forvaltning TEXT
);

CREATE TABLE indikator_view (
    indikator_id VARCHAR(80) PRIMARY KEY,
    name         TEXT NOT NULL,
    unit         TEXT,
    description  TEXT
);

CREATE TABLE rf_uppdrag_view (
    rf_uppdrag_id  VARCHAR(40) PRIMARY KEY,
    year           INTEGER NOT NULL,
    nr             INTEGER NOT NULL,
    text           TEXT    NOT NULL,
    given_to       TEXT[]  NOT NULL,
    continues_from VARCHAR(40)
);

-- The current state of each plan, as one document.
CREATE TABLE plan_view (
    plan_id           VARCHAR(40) PRIMARY KEY,
    namnd_code        VARCHAR(20) NOT NULL,
    year              INTEGER     NOT NULL,
    title             TEXT        NOT NULL,
    status            VARCHAR(20) NOT NULL,
    version           BIGINT      NOT NULL,
    last_global_index BIGINT      NOT NULL,
    last_changed_at   TIMESTAMPTZ NOT NULL,
    document          JSONB       NOT NULL
);
CREATE INDEX plan_view_by_year ON plan_view (year, namnd_code);

-- Every state each plan has been in, one row per event: the plan view as it stood at any past instant.
CREATE TABLE plan_view_history (
    plan_id      VARCHAR(40) NOT NULL,
    version      BIGINT      NOT NULL,
    global_index BIGINT      NOT NULL,
    event_time   TIMESTAMPTZ NOT NULL,
    event_type   VARCHAR(80) NOT NULL,
    document     JSONB       NOT NULL,
    PRIMARY KEY (plan_id, version)
);
CREATE INDEX plan_view_history_time ON plan_view_history (plan_id, event_time);

-- Which plans use which indikator: the indikator across years and nämnder.
CREATE TABLE styrtal_usage (
    plan_id      VARCHAR(40) NOT NULL,
    styrtal_id   VARCHAR(80) NOT NULL,
    indikator_id VARCHAR(80) NOT NULL,
    namnd_code   VARCHAR(20) NOT NULL,
    year         INTEGER     NOT NULL,
    goal_id      VARCHAR(80) NOT NULL,
    content      JSONB       NOT NULL,
    PRIMARY KEY (plan_id, styrtal_id)
);
CREATE INDEX styrtal_usage_by_indikator ON styrtal_usage (indikator_id, year);
