package se.uppfoljningsliggaren.command.source;

/** Whether a write's X-Source names a registered document. */
public interface SourceDocumentLookup {

    boolean registered(String documentId);
}
