-- The notary: a Merkle tree over the event store in global_index order (RFC 9162), and signed checkpoints of it.
-- Not a read table: nothing rebuilds it, so no reset may empty it, and like the store it is append-only.
-- Leaf index = global_index - 1: every index up to the tree size has a leaf, an event or one never committed.
CREATE TABLE notary_leaf (
    global_index         BIGINT       PRIMARY KEY,
    kind                 VARCHAR(16)  NOT NULL CHECK (kind IN ('EVENT', 'NEVER_COMMITTED')),
    aggregate_identifier VARCHAR(255),
    sequence_number      BIGINT,
    leaf_hash            BYTEA        NOT NULL,
    sealed_at            TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CHECK ((kind = 'EVENT') = (aggregate_identifier IS NOT NULL AND sequence_number IS NOT NULL))
);

-- The hash of every perfect subtree of 2^level leaves (level >= 1) starting at leaf node_index * 2^level: a root
-- or a proof needs O(log^2 n) of them.
CREATE TABLE notary_node (
    level      SMALLINT NOT NULL CHECK (level >= 1),
    node_index BIGINT   NOT NULL,
    hash       BYTEA    NOT NULL,
    PRIMARY KEY (level, node_index)
);

-- A signed tree head; the signature is Ed25519 over the text form (docs/design.md).
CREATE TABLE notary_checkpoint (
    tree_size       BIGINT      PRIMARY KEY,
    root_hash       BYTEA       NOT NULL,
    checkpoint_time VARCHAR(40) NOT NULL,
    signature       BYTEA       NOT NULL,
    public_key      BYTEA       NOT NULL,
    reason          VARCHAR(16) NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- The generated development signing key, when no ledger.notary.signing-key is configured (refused with the prod
-- profile): whoever can read the database can sign with it.
CREATE TABLE notary_development_key (
    id          SMALLINT    PRIMARY KEY CHECK (id = 1),
    private_key BYTEA       NOT NULL,
    public_key  BYTEA       NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE FUNCTION refuse_notary_rewrite() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % is refused', TG_TABLE_NAME, TG_OP;
END;
$$;
CREATE TRIGGER notary_leaf_append_only BEFORE UPDATE OR DELETE ON notary_leaf
    FOR EACH ROW EXECUTE FUNCTION refuse_notary_rewrite();
CREATE TRIGGER notary_leaf_no_truncate BEFORE TRUNCATE ON notary_leaf
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_notary_rewrite();
CREATE TRIGGER notary_node_append_only BEFORE UPDATE OR DELETE ON notary_node
    FOR EACH ROW EXECUTE FUNCTION refuse_notary_rewrite();
CREATE TRIGGER notary_node_no_truncate BEFORE TRUNCATE ON notary_node
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_notary_rewrite();
CREATE TRIGGER notary_checkpoint_append_only BEFORE UPDATE OR DELETE ON notary_checkpoint
    FOR EACH ROW EXECUTE FUNCTION refuse_notary_rewrite();
CREATE TRIGGER notary_checkpoint_no_truncate BEFORE TRUNCATE ON notary_checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_notary_rewrite();
