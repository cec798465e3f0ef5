-- Recorded figures (utfall, prognos), one row per figure with its current value and the history of corrections.
CREATE TABLE utfall_view (
    series_id        VARCHAR(200) NOT NULL,
    figure_key       VARCHAR(100) NOT NULL,
    namnd_code       VARCHAR(20)  NOT NULL,
    indikator_id     VARCHAR(80)  NOT NULL,
    year             INTEGER      NOT NULL,
    period_order     INTEGER      NOT NULL,
    figure           JSONB        NOT NULL,
    breakdowns       JSONB        NOT NULL,
    source           TEXT,
    comment          TEXT,
    recorded_by      TEXT,
    recorded_at      TIMESTAMPTZ  NOT NULL,
    corrections      JSONB        NOT NULL,
    last_global_index BIGINT      NOT NULL,
    PRIMARY KEY (series_id, figure_key)
);
CREATE INDEX utfall_view_by_indikator ON utfall_view (indikator_id, namnd_code, year, period_order);
