package se.uppfoljningsliggaren.command.web;

/** A write by no one signed in: refused with 401, since the ledger records no anonymous change. */
public class UnauthenticatedWriteException extends RuntimeException {
    public UnauthenticatedWriteException() {
        super("a write needs a signed-in person (a bearer token, or HTTP Basic in the local mode)");
    }
}
