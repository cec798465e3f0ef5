-- A person's page of the audit trail is read in store order from a position (keyset): (who, global_index) serves it
-- directly, however small that person's share of the store (the benchmark's finding).
CREATE INDEX audit_entry_who_position ON audit_entry (who, global_index);
