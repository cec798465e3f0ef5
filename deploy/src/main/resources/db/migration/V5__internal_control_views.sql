-- Internal control: one document per IK-plan (a nämnd's, or the regionövergripande rows of a year: namnd_code NULL)
-- and per ISK-bedömning, each with a history row per event (as-of views). Disposable: rebuilt from the events.
CREATE TABLE ik_plan_view (
    ik_plan_id        VARCHAR(40)  PRIMARY KEY,
    namnd_code        VARCHAR(20),
    year              INTEGER      NOT NULL,
    status            VARCHAR(20)  NOT NULL,
    version           BIGINT       NOT NULL,
    last_global_index BIGINT       NOT NULL,
    last_changed_at   TIMESTAMPTZ  NOT NULL,
    document          JSONB        NOT NULL
);
CREATE INDEX ik_plan_view_by_year ON ik_plan_view (year, namnd_code);

CREATE TABLE ik_plan_view_history (
    ik_plan_id   VARCHAR(40)  NOT NULL,
    version      BIGINT       NOT NULL,
    global_index BIGINT       NOT NULL,
    event_time   TIMESTAMPTZ  NOT NULL,
    document     JSONB        NOT NULL,
    PRIMARY KEY (ik_plan_id, version)
);

CREATE TABLE isk_view (
    isk_id            VARCHAR(40)  PRIMARY KEY,
    namnd_code        VARCHAR(20),
    year              INTEGER      NOT NULL,
    status            VARCHAR(20)  NOT NULL,
    tillracklig       BOOLEAN      NOT NULL,
    version           BIGINT       NOT NULL,
    last_global_index BIGINT       NOT NULL,
    last_changed_at   TIMESTAMPTZ  NOT NULL,
    document          JSONB        NOT NULL
);
CREATE INDEX isk_view_by_year ON isk_view (year, namnd_code);

CREATE TABLE isk_view_history (
    isk_id       VARCHAR(40)  NOT NULL,
    version      BIGINT       NOT NULL,
    global_index BIGINT       NOT NULL,
    event_time   TIMESTAMPTZ  NOT NULL,
    document     JSONB        NOT NULL,
    PRIMARY KEY (isk_id, version)
);
