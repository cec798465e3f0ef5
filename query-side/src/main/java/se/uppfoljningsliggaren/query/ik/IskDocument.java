package se.uppfoljningsliggaren.query.ik;

import org.axonframework.eventhandling.DomainEventMessage;
import se.uppfoljningsliggaren.kernel.LedgerMetadata;
import se.uppfoljningsliggaren.kernel.ik.IkViews.Bedomning;
import se.uppfoljningsliggaren.kernel.ik.IskBedomningAdopted;
import se.uppfoljningsliggaren.kernel.ik.IskBedomningRecorded;
import se.uppfoljningsliggaren.kernel.value.Beslut;

import java.util.ArrayList;
import java.util.List;

/** The stored read-model document of one ISK-bedömning: every bedömning recorded, the last one current. */
public class IskDocument {

    String iskId;
    String namndCode;
    int year;
    Beslut adoptedBy;
    List<Bedomning> bedomningar = new ArrayList<>();
    /** Where each item comes from: the provenance of the write that last set it, by its audit-trail key. */
    java.util.TreeMap<String, se.uppfoljningsliggaren.kernel.source.Provenance> provenance = new java.util.TreeMap<>();

    Bedomning current() {
        return bedomningar.get(bedomningar.size() - 1);
    }

    /** Applies an event of the bedömning: each recording a new fact, the last one current. */
    public void apply(Object event, DomainEventMessage<?> message) {
        if (event instanceof IskBedomningRecorded e) {
            iskId = e.iskId();
            namndCode = e.namndCode();
            year = e.year();
            bedomningar.add(new Bedomning(e.tillracklig(), e.motivation(), e.krav(), e.revisionBeslut(),
                    message.getTimestamp(), LedgerMetadata.principal(message.getMetaData())));
        } else if (event instanceof IskBedomningAdopted e) {
            adoptedBy = e.beslut();
        } else {
            throw new IllegalArgumentException("not an ISK event: " + event.getClass().getSimpleName());
        }
    }
}
