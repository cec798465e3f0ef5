-- The JSON of a row written once per event and read back whole (the audit trail's beslut, content and provenance; a
-- figure's version) is kept as json, the text as written, not jsonb: a full replay writes a row per event into these
-- tables, and parsing each value into jsonb was about a third of PostgreSQL's time per row (docs/benchmarks/README.md).
-- The queries only extract fields from them (->>), which json answers as well; the expression indexes are rebuilt.
ALTER TABLE audit_entry
    ALTER COLUMN beslut TYPE json USING beslut::json,
    ALTER COLUMN after TYPE json USING after::json,
    ALTER COLUMN provenance TYPE json USING provenance::json;
ALTER TABLE utfall_version
    ALTER COLUMN figure TYPE json USING figure::json,
    ALTER COLUMN breakdowns TYPE json USING breakdowns::json,
    ALTER COLUMN corrections TYPE json USING corrections::json,
    ALTER COLUMN provenance TYPE json USING provenance::json;
