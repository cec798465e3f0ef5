package se.uppfoljningsliggaren.command.web;

/** What a successful write answers: the id of what was written and the version of the aggregate after it. */
public record WriteResult(String id, long version) {
}
