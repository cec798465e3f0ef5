package se.uppfoljningsliggaren.command.access;

/** A write outside the caller's role or nämnd scope (HTTP 403); nothing is stored. */
public class AccessRefusedException extends RuntimeException {
    public AccessRefusedException(String reason) {
        super(reason);
    }
}
