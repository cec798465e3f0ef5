package se.uppfoljningsliggaren.command.web;

/**
 * What a successful write answers: the id of what was written, the version of the aggregate after it, and the event
 * store's global position of the last event the write appended.
 */
public record WriteResult(String id, long version, Long position) {
}
