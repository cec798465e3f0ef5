package se.uppfoljningsliggaren.kernel.source;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Registering the documents the ledger's facts come from. */
public final class SourceCommands {

    private SourceCommands() {
    }

    /**
     * @param diarienummer     as the document prints it; null only when {@code notGivenInSource} names it
     * @param notGivenInSource what the document does not print (its diarienummer), so no view shows an invented one
     */
    public record RegisterSourceDocument(@TargetAggregateIdentifier String aggregateId, String documentId,
                                         String title, String namndCode, Integer year, SourceDocumentKind kind,
                                         String diarienummer, List<SourceDocumentRegistered.Field> notGivenInSource) {
    }

    /** A document's stream id: its own id is the client's choice and must not meet another kind's. */
    public static String aggregateId(String documentId) {
        return "SOURCE-" + documentId;
    }
}
