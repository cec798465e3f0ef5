-- Follow-up occasions: one document per occasion with its assessments, and a history row per event (as-of views).
CREATE TABLE followup_view (
    occasion_id       VARCHAR(120) PRIMARY KEY,
    namnd_code        VARCHAR(20)  NOT NULL,
    year              INTEGER      NOT NULL,
    kind              VARCHAR(30)  NOT NULL,
    plan_id           VARCHAR(40)  NOT NULL,
    status            VARCHAR(20)  NOT NULL,
    version           BIGINT       NOT NULL,
    last_global_index BIGINT       NOT NULL,
    last_changed_at   TIMESTAMPTZ  NOT NULL,
    document          JSONB        NOT NULL
);
CREATE INDEX followup_view_by_year ON followup_view (year, kind, namnd_code);

CREATE TABLE followup_view_history (
    occasion_id  VARCHAR(120) NOT NULL,
    version      BIGINT       NOT NULL,
    global_index BIGINT       NOT NULL,
    event_time   TIMESTAMPTZ  NOT NULL,
    document     JSONB        NOT NULL,
    PRIMARY KEY (occasion_id, version)
);
