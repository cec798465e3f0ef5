package se.uppfoljningsliggaren.command.web;

/** A write that names no principal: refused with 401, since the ledger records no anonymous change. */
public class UnauthenticatedWriteException extends RuntimeException {
    public UnauthenticatedWriteException() {
        super("A write must name its principal in the " + WriteContext.PRINCIPAL_HEADER + " header");
    }
}
