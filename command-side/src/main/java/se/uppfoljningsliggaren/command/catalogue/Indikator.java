package se.uppfoljningsliggaren.command.catalogue;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import se.uppfoljningsliggaren.command.Require;
import se.uppfoljningsliggaren.kernel.catalogue.CatalogueCommands.RegisterIndikator;
import se.uppfoljningsliggaren.kernel.catalogue.IndikatorRegistered;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** An indikator in the catalogue: the identity that stays the same across years while plans renumber and reword. */
@Aggregate
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class Indikator {

    @AggregateIdentifier
    private String indikatorId;

    protected Indikator() {
    }

    @CommandHandler
    public Indikator(RegisterIndikator command) {
        apply(new IndikatorRegistered(Require.id(command.indikatorId(), "indikatorId"),
                Require.text(command.name(), "name", 500), Require.optionalText(command.unit(), "unit", 40),
                Require.optionalText(command.description(), "description", 4000)));
    }

    @EventSourcingHandler
    void on(IndikatorRegistered event) {
        this.indikatorId = event.indikatorId();
    }
}
