-- Where each write said its content comes from (X-Source: document, section, page, basis, rule, words); null where it
-- gave no source, as every event before provenance was kept.
ALTER TABLE audit_entry ADD COLUMN provenance JSONB;
-- What of the entity the event sets: its entity key, or beside it a statement about it (goal:RS-2026:m1#continuity,
-- plan:RS-2026#adoption); the key the views keep provenance under. Null on rows written before it was kept.
ALTER TABLE audit_entry ADD COLUMN item_key TEXT;

-- The facts by basis (PRINTED, DERIVED, RECONSTRUCTED; no source given is provenance IS NULL), in store order.
CREATE INDEX audit_entry_basis ON audit_entry ((provenance ->> 'basis'), global_index);
-- An item's latest write, for the document view.
CREATE INDEX audit_entry_item ON audit_entry (item_key, global_index);
-- Everything the ledger holds from one document.
CREATE INDEX audit_entry_source_document ON audit_entry ((provenance ->> 'document'), global_index)
    WHERE provenance IS NOT NULL;

-- An utfall's provenance, as its last recording or correction gave it, now and in each of its versions.
ALTER TABLE utfall_view ADD COLUMN provenance JSONB;
ALTER TABLE utfall_version ADD COLUMN provenance JSONB;
