-- The as-of history of the document views no longer stores the whole document per event: a row holds either the
-- document (a checkpoint) or the RFC 6902 patch from the one before it (see DocumentHistory). Figures (utfall) and
-- the styrtal behind the indikator series get row-level versions instead: each version with the instant from which
-- and until which it held.
--
-- Read tables are disposable: the three processors that own these tables start again from the first event on the
-- next start-up (tokens, progress and parked events removed, their tables emptied), so an existing data directory
-- upgrades by replay.
DROP TABLE plan_view_history;
DROP TABLE followup_view_history;
DROP TABLE ik_plan_view_history;
DROP TABLE isk_view_history;

CREATE TABLE plan_view_history (
    plan_id          VARCHAR(40)  NOT NULL,
    version          BIGINT       NOT NULL,
    global_index     BIGINT       NOT NULL,
    event_time       TIMESTAMPTZ  NOT NULL,
    event_type       VARCHAR(80)  NOT NULL,
    checkpoint       BOOLEAN      NOT NULL,
    since_checkpoint BIGINT       NOT NULL,
    body             JSONB        NOT NULL,
    head             JSONB,
    PRIMARY KEY (plan_id, version)
);
CREATE INDEX plan_view_history_time ON plan_view_history (plan_id, event_time);
CREATE INDEX plan_view_history_checkpoint ON plan_view_history (plan_id, version) WHERE checkpoint;

CREATE TABLE followup_view_history (LIKE plan_view_history INCLUDING DEFAULTS);
ALTER TABLE followup_view_history RENAME COLUMN plan_id TO occasion_id;
ALTER TABLE followup_view_history ALTER COLUMN occasion_id TYPE VARCHAR(120);
ALTER TABLE followup_view_history ADD PRIMARY KEY (occasion_id, version);
CREATE INDEX followup_view_history_time ON followup_view_history (occasion_id, event_time);
CREATE INDEX followup_view_history_checkpoint ON followup_view_history (occasion_id, version) WHERE checkpoint;

CREATE TABLE ik_plan_view_history (LIKE plan_view_history INCLUDING DEFAULTS);
ALTER TABLE ik_plan_view_history RENAME COLUMN plan_id TO ik_plan_id;
ALTER TABLE ik_plan_view_history ADD PRIMARY KEY (ik_plan_id, version);
CREATE INDEX ik_plan_view_history_time ON ik_plan_view_history (ik_plan_id, event_time);
CREATE INDEX ik_plan_view_history_checkpoint ON ik_plan_view_history (ik_plan_id, version) WHERE checkpoint;

CREATE TABLE isk_view_history (LIKE plan_view_history INCLUDING DEFAULTS);
ALTER TABLE isk_view_history RENAME COLUMN plan_id TO isk_id;
ALTER TABLE isk_view_history ADD PRIMARY KEY (isk_id, version);
CREATE INDEX isk_view_history_time ON isk_view_history (isk_id, event_time);
CREATE INDEX isk_view_history_checkpoint ON isk_view_history (isk_id, version) WHERE checkpoint;

-- Every version of a recorded figure; valid_to is null for the current one.
CREATE TABLE utfall_version (
    series_id         VARCHAR(200) NOT NULL,
    figure_key        VARCHAR(100) NOT NULL,
    global_index      BIGINT       NOT NULL,
    namnd_code        VARCHAR(20)  NOT NULL,
    indikator_id      VARCHAR(80)  NOT NULL,
    year              INTEGER      NOT NULL,
    period_order      INTEGER      NOT NULL,
    valid_from        TIMESTAMPTZ  NOT NULL,
    valid_to          TIMESTAMPTZ,
    figure            JSONB        NOT NULL,
    breakdowns        JSONB        NOT NULL,
    source            TEXT,
    comment           TEXT,
    recorded_by       TEXT,
    recorded_at       TIMESTAMPTZ  NOT NULL,
    corrections       JSONB        NOT NULL,
    PRIMARY KEY (series_id, figure_key, global_index)
);
CREATE INDEX utfall_version_by_indikator ON utfall_version (indikator_id, valid_from);

-- Every version of a plan's styrtal as the indikator series shows it.
CREATE TABLE styrtal_usage_version (
    plan_id      VARCHAR(40)  NOT NULL,
    styrtal_id   VARCHAR(80)  NOT NULL,
    global_index BIGINT       NOT NULL,
    indikator_id VARCHAR(80)  NOT NULL,
    namnd_code   VARCHAR(20)  NOT NULL,
    valid_from   TIMESTAMPTZ  NOT NULL,
    valid_to     TIMESTAMPTZ,
    content      JSONB        NOT NULL,
    PRIMARY KEY (plan_id, styrtal_id, global_index)
);
CREATE INDEX styrtal_usage_version_by_indikator ON styrtal_usage_version (indikator_id, valid_from);

DELETE FROM plan_view;
DELETE FROM styrtal_usage;
DELETE FROM followup_view;
DELETE FROM utfall_view;
DELETE FROM ik_plan_view;
DELETE FROM isk_view;
DELETE FROM token_entry WHERE processor_name IN ('plan-views', 'followup-views', 'internal-control-views');
DELETE FROM projection_progress WHERE processor IN ('plan-views', 'followup-views', 'internal-control-views');
DELETE FROM dead_letter_entry WHERE processing_group IN ('plan-views', 'followup-views', 'internal-control-views');
