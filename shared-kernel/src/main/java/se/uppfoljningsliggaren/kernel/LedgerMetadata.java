package se.uppfoljningsliggaren.kernel;

/**
 * Metadata keys every command carries and every event it causes inherits: who, why, and the request that caused it.
 * When is the event's own timestamp.
 */
public final class LedgerMetadata {

    /** The authenticated (for now: declared) person or system that made the change. */
    public static final String PRINCIPAL = "principal";
    /** Free-text reason given with the change, beside the beslut carried in the event itself. */
    public static final String REASON = "reason";
    /** The client's Idempotency-Key, when given. */
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";

    private LedgerMetadata() {
    }
}
