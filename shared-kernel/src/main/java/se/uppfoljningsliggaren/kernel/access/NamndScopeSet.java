package se.uppfoljningsliggaren.kernel.access;

import java.util.SortedSet;

/** The nämnder a person writes for were set by an admin (the whole set; the one before stays in the stream). */
public record NamndScopeSet(String subject, String name, SortedSet<String> namnder) {
}
