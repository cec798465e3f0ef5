package se.uppfoljningsliggaren.kernel;

import java.util.Map;

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

    /** Who made the change an event records, from its metadata. */
    public static String principal(Map<String, ?> metadata) {
        return (String) metadata.get(PRINCIPAL);
    }

    /** Why, in the words given with the change, from an event's metadata (null when none was given). */
    public static String reason(Map<String, ?> metadata) {
        return (String) metadata.get(REASON);
    }
}
