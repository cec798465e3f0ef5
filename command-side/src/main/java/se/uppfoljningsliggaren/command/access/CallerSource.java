package se.uppfoljningsliggaren.command.access;

/** Whatever Spring Security holds as the principal of a signed-in request answers who it is. */
public interface CallerSource {
    Caller caller();
}
