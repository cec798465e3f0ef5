package se.uppfoljningsliggaren.command.web;

/**
 * What a successful write answers: the id of what was written, the version of the aggregate after it, and the event
 * store position of the last event it appended. A read may ask for at least that version ({@code minVersion}).
 */
public record WriteResult(String id, long version, Long position) {

    public WriteResult(String id, long version) {
        this(id, version, null);
    }

    WriteResult at(Long storePosition) {
        return new WriteResult(id, version, storePosition);
    }
}
