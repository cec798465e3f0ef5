-- What each projection (processor) has applied per aggregate, written in the handler's own transaction, so the
-- reconciliation can compare it with the event store. Emptied for a processor when its tokens are reset.
CREATE TABLE projection_progress (
    processor            VARCHAR(255) NOT NULL,
    aggregate_identifier VARCHAR(255) NOT NULL,
    last_sequence        BIGINT       NOT NULL,
    applied_events       BIGINT       NOT NULL,
    PRIMARY KEY (processor, aggregate_identifier)
);
