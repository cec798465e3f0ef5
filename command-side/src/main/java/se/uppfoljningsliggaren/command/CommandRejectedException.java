package se.uppfoljningsliggaren.command;

/**
 * A command broke a rule of the ledger. Names the offending field so a client can show it; the write stores nothing.
 */
public class CommandRejectedException extends RuntimeException {

    public enum Kind {
        /** The request is understood but violates a rule (HTTP 422). */
        INVALID,
        /** The request conflicts with what is recorded, e.g. an id already used (HTTP 409). */
        CONFLICT,
        /** What the request refers to is not recorded (HTTP 404 when it is the addressed resource, else 422). */
        UNKNOWN_REFERENCE
    }

    private final Kind kind;
    private final String field;

    public CommandRejectedException(Kind kind, String field, String reason) {
        super(reason);
        this.kind = kind;
        this.field = field;
    }

    public static CommandRejectedException invalid(String field, String reason) {
        return new CommandRejectedException(Kind.INVALID, field, reason);
    }

    public static CommandRejectedException conflict(String field, String reason) {
        return new CommandRejectedException(Kind.CONFLICT, field, reason);
    }

    public static CommandRejectedException unknown(String field, String reason) {
        return new CommandRejectedException(Kind.UNKNOWN_REFERENCE, field, reason);
    }

    public Kind kind() {
        return kind;
    }

    public String field() {
        return field;
    }
}
