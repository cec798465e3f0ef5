package se.uppfoljningsliggaren.kernel.access;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.util.Set;

/** The admin's register of which nämnder a person writes for, beside what the identity provider says. */
public final class AccessCommands {

    private AccessCommands() {
    }

    /** A person's register entry: "BEHORIGHET:" and their stable id (the token's subject). */
    public static String behorighetId(String subject) {
        return "BEHORIGHET:" + subject;
    }

    /** Sets the nämnder a person writes for (an empty set takes every granted nämnd back). */
    public record SetNamndScope(@TargetAggregateIdentifier String behorighetId,
                                @TargetAggregateVersion Long expectedVersion, String subject, String name,
                                Set<String> namnder) {
    }
}
