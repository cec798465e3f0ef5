package se.uppfoljningsliggaren.command.catalogue;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import se.uppfoljningsliggaren.command.CommandRejectedException;
import se.uppfoljningsliggaren.command.Require;
import se.uppfoljningsliggaren.kernel.catalogue.CatalogueCommands;
import se.uppfoljningsliggaren.kernel.catalogue.CatalogueCommands.IssueRfUppdrag;
import se.uppfoljningsliggaren.kernel.catalogue.RfUppdragIssued;

import java.util.List;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A region-wide uppdrag from regionfullmäktige: one number and text per year, given to one or several nämnder.
 * Numbers are reused with another meaning in another year, so the identity is year and number together.
 */
@Aggregate
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class RfUppdrag {

    @AggregateIdentifier
    private String rfUppdragId;
    private int year;
    private Set<String> givenTo;

    protected RfUppdrag() {
    }

    @CommandHandler
    public RfUppdrag(IssueRfUppdrag command, CatalogueLookup catalogue) {
        Require.year(command.year(), "year");
        if (command.nr() < 1 || command.nr() > 9999) {
            throw CommandRejectedException.invalid("nr", "nr must be between 1 and 9999");
        }
        if (!CatalogueCommands.rfUppdragId(command.year(), command.nr()).equals(command.rfUppdragId())) {
            throw CommandRejectedException.invalid("rfUppdragId", "an RF uppdrag is identified by year and nr");
        }
        List<String> givenTo = Require.present(command.givenTo(), "givenTo");
        if (givenTo.isEmpty() || givenTo.stream().anyMatch(java.util.Objects::isNull) || Set.copyOf(givenTo).size() != givenTo.size()) {
            throw CommandRejectedException.invalid("givenTo", "givenTo names one or more distinct nämnder");
        }
        givenTo.forEach(code -> {
            if (!catalogue.namndExists(code)) {
                throw CommandRejectedException.unknown("givenTo", "no nämnd with code " + code);
            }
        });
        if (command.continuesFrom() != null) {
            RfUppdragLookup earlier = catalogue.rfUppdrag(command.continuesFrom())
                    .orElseThrow(() -> CommandRejectedException.unknown("continuesFrom",
                            "no RF uppdrag " + command.continuesFrom()));
            if (earlier.year() >= command.year()) {
                throw CommandRejectedException.invalid("continuesFrom", "an uppdrag continues one of an earlier year");
            }
        }
        apply(new RfUppdragIssued(command.rfUppdragId(), command.year(), command.nr(),
                Require.text(command.text(), "text", 4000), List.copyOf(givenTo), command.continuesFrom()));
    }

    @EventSourcingHandler
    void on(RfUppdragIssued event) {
        this.rfUppdragId = event.rfUppdragId();
        this.year = event.year();
        this.givenTo = Set.copyOf(event.givenTo());
    }

    RfUppdragLookup lookup() {
        return new RfUppdragLookup(rfUppdragId, year, givenTo);
    }

    /** What other aggregates may know of an RF uppdrag. */
    public record RfUppdragLookup(String rfUppdragId, int year, Set<String> givenTo) {
    }
}
