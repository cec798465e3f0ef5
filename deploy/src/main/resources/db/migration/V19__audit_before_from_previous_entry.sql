-- An entry's "before" is the "after" of its entity's previous entry: it is looked up when entries are read (one index
-- probe per entry answered) instead of stored twice, which halves what the trail stores and a rebuild writes.
ALTER TABLE audit_entry DROP COLUMN before;
-- (who, occurred_at) serves no query: a person's entries are read in store order by (who, global_index, occurred_at).
DROP INDEX audit_entry_who;
