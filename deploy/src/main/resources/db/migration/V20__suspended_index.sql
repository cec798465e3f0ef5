-- Secondary indexes a full replay has dropped while it writes their tables, to be built again when it ends (or, if
-- the service stopped before that, when it next starts): their definitions as pg_indexes gave them.
CREATE TABLE suspended_index (
    index_name   TEXT PRIMARY KEY,
    table_name   TEXT        NOT NULL,
    definition   TEXT        NOT NULL,
    suspended_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
