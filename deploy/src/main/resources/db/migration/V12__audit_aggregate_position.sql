-- The difference of one aggregate between two instants reads its entries in store order.
CREATE INDEX audit_entry_aggregate ON audit_entry (aggregate_identifier, global_index);
