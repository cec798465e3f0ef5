package se.uppfoljningsliggaren.command.access;

import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The authenticated person (or system) behind a request: a stable id (the token's subject), a display name, the
 * roles held, the nämnder they act for ({@value #ALL_NAMNDER} for all) and the client application used.
 */
public record Caller(String subject, String name, Set<Role> roles, SortedSet<String> namnder, String client)
        implements CallerSource {

    public static final String ALL_NAMNDER = "*";

    public Caller {
        roles = Set.copyOf(roles);
        namnder = new TreeSet<>(namnder);
    }

    @Override
    public Caller caller() {
        return this;
    }

    public boolean actsFor(String namnd) {
        return namnder.contains(ALL_NAMNDER) || namnder.contains(namnd);
    }

    /** The scope as kept in an event's metadata: "RS,SN", or "*". */
    public String scope() {
        return namnder.contains(ALL_NAMNDER) ? ALL_NAMNDER : String.join(",", namnder);
    }
}
