-- The registered source documents (rebuilt from SourceDocumentRegistered); what the ledger holds from each is read
-- from audit_entry's provenance.
CREATE TABLE source_document_view (
    document_id        VARCHAR(80) PRIMARY KEY,
    title              TEXT        NOT NULL,
    namnd_code         VARCHAR(80) NOT NULL,
    year               INT         NOT NULL,
    kind               VARCHAR(40) NOT NULL,
    -- as printed; null when not_given_in_source names it
    diarienummer       TEXT,
    not_given_in_source TEXT[]     NOT NULL,
    registered_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX source_document_view_namnd ON source_document_view (namnd_code);
