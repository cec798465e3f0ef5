package se.uppfoljningsliggaren.command.access;

import java.util.SortedSet;

/** The nämnder the admin's register grants a person, read consistently from the event-sourced register. */
public interface ScopeRegister {

    SortedSet<String> grantedTo(String subject);
}
