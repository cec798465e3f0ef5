package se.uppfoljningsliggaren.kernel;

import java.util.Map;

/**
 * Metadata keys every command carries and every event it causes inherits: who, why, and the request that caused it.
 * When is the event's own timestamp.
 */
public final class LedgerMetadata {

    /**
     * The authenticated person or system that made the change: the stable id (the token's subject, or the local
     * demo user's name). Events recorded before sign-in existed hold the name the client declared.
     */
    public static final String PRINCIPAL = "principal";
    /** The person's display name, as the identity provider gives it. */
    public static final String PRINCIPAL_NAME = "principalName";
    /** The role the write used: CONTROLLER, REVISOR, REGIONSTYRELSEN or ADMIN. */
    public static final String ROLE = "role";
    /** The nämnder the person may write for ("*" for all), as the write's authority stood then. */
    public static final String NAMND_SCOPE = "namndScope";
    /** The client application that sent the write (the token's azp / client_id; "local" in local mode). */
    public static final String CLIENT = "client";
    /** When the ledger accepted the write (the server's clock), beside the event's own timestamp. */
    public static final String RECORDED_AT = "recordedAt";
    /** The request's correlation id (X-Correlation-Id, or one the ledger made); Axon adds correlationId/traceId. */
    public static final String REQUEST_ID = "requestId";
    /** Free-text reason given with the change, beside the beslut carried in the event itself. */
    public static final String REASON = "reason";
    /** The client's Idempotency-Key, when given. */
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";

    /**
     * Where the write's content comes from (X-Source), as flat keys: the registered source document's id, the section
     * or table, the page, the basis (PRINTED, DERIVED, RECONSTRUCTED), the rule of a derived fact and the words a
     * reconstructed one was read from. Absent on writes that gave no source; see {@code source.Provenance}.
     */
    public static final String SOURCE_DOCUMENT = "sourceDocument";
    public static final String SOURCE_SECTION = "sourceSection";
    public static final String SOURCE_PAGE = "sourcePage";
    public static final String SOURCE_BASIS = "sourceBasis";
    public static final String SOURCE_RULE = "sourceRule";
    public static final String SOURCE_WORDS = "sourceWords";

    private LedgerMetadata() {
    }

    /** Who made the change an event records, from its metadata. */
    public static String principal(Map<String, ?> metadata) {
        return (String) metadata.get(PRINCIPAL);
    }

    /** The person's display name, or their id for events recorded before names were kept. */
    public static String principalName(Map<String, ?> metadata) {
        Object name = metadata.get(PRINCIPAL_NAME);
        return name != null ? (String) name : principal(metadata);
    }

    /** The role the change was made in, or null for events recorded before roles existed. */
    public static String role(Map<String, ?> metadata) {
        return (String) metadata.get(ROLE);
    }

    /** Why, in the words given with the change, from an event's metadata (null when none was given). */
    public static String reason(Map<String, ?> metadata) {
        return (String) metadata.get(REASON);
    }
}
