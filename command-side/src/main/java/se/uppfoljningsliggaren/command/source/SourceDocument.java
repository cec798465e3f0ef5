package se.uppfoljningsliggaren.command.source;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import se.uppfoljningsliggaren.command.CommandRejectedException;
import se.uppfoljningsliggaren.command.Require;
import se.uppfoljningsliggaren.kernel.source.SourceCommands;
import se.uppfoljningsliggaren.kernel.source.SourceCommands.RegisterSourceDocument;
import se.uppfoljningsliggaren.kernel.source.SourceDocumentRegistered;
import se.uppfoljningsliggaren.kernel.source.SourceDocumentRegistered.Field;

import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A document the ledger's facts come from (a verksamhetsplan, a verksamhetsberättelse …), registered once so that a
 * write's X-Source can name it. Its diarienummer is recorded as printed, or declared not given in the source.
 */
@Aggregate
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class SourceDocument {

    @AggregateIdentifier
    private String aggregateId;

    protected SourceDocument() {
    }

    @CommandHandler
    public SourceDocument(RegisterSourceDocument command) {
        String documentId = Require.id(command.documentId(), "documentId");
        if (!SourceCommands.aggregateId(documentId).equals(command.aggregateId())) {
            throw new IllegalArgumentException("a source document's stream is named by its id");
        }
        List<Field> notGiven = command.notGivenInSource() == null ? List.of() : command.notGivenInSource();
        String diarienummer = Require.optionalText(command.diarienummer(), "diarienummer", 100);
        if (diarienummer == null && !notGiven.contains(Field.DIARIENUMMER)) {
            throw CommandRejectedException.invalid("diarienummer", "the diarienummer as the document prints it, "
                    + "or notGivenInSource [\"DIARIENUMMER\"] where it prints none");
        }
        if (diarienummer != null && notGiven.contains(Field.DIARIENUMMER)) {
            throw CommandRejectedException.invalid("notGivenInSource",
                    "the diarienummer is given, yet notGivenInSource names it");
        }
        apply(new SourceDocumentRegistered(documentId, Require.text(command.title(), "title", 500),
                Require.id(command.namndCode(), "namnd"), Require.year(Require.present(command.year(), "year"), "year"),
                Require.present(command.kind(), "kind"), diarienummer, List.copyOf(notGiven)));
    }

    @EventSourcingHandler
    void on(SourceDocumentRegistered event) {
        this.aggregateId = SourceCommands.aggregateId(event.documentId());
    }
}
