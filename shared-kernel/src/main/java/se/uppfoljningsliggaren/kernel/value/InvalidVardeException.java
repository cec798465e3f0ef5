package se.uppfoljningsliggaren.kernel.value;

/** A written value that cannot be read as the form it claims (or as any computable form). */
public class InvalidVardeException extends IllegalArgumentException {
    public InvalidVardeException(String written, String reason) {
        super("'" + written + "': " + reason);
    }
}
