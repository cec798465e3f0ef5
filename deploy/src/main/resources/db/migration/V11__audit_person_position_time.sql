-- A person's page in a time range is read in store order from a position: with occurred_at in the index the range is
-- checked on index entries, not on heap rows, so a range late in a busy person's history costs an index walk, not a
-- heap walk (at 1 million rows, 339 ms through the primary key; docs/benchmarks/README.md). Replaces V10's index.
DROP INDEX audit_entry_who_position;
CREATE INDEX audit_entry_who_position ON audit_entry (who, global_index, occurred_at);
