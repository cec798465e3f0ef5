package se.uppfoljningsliggaren.command.ik;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import se.uppfoljningsliggaren.command.Aggregates;
import se.uppfoljningsliggaren.command.CommandRejectedException;
import se.uppfoljningsliggaren.command.Require;
import se.uppfoljningsliggaren.command.Revisions;
import se.uppfoljningsliggaren.command.catalogue.CatalogueLookup;
import se.uppfoljningsliggaren.kernel.ik.IkCommands;
import se.uppfoljningsliggaren.kernel.ik.IkCommands.AdoptIskBedomning;
import se.uppfoljningsliggaren.kernel.ik.IkCommands.RecordIskBedomning;
import se.uppfoljningsliggaren.kernel.ik.IkValues.Krav;
import se.uppfoljningsliggaren.kernel.ik.IkValues.KravBedomning;
import se.uppfoljningsliggaren.kernel.ik.IskBedomningAdopted;
import se.uppfoljningsliggaren.kernel.ik.IskBedomningRecorded;
import se.uppfoljningsliggaren.kernel.value.Beslut;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The yearly ISK-bedömning of a nämnd (is its intern styrning och kontroll tillräcklig, KL 6 kap. 6 §), or
 * regionstyrelsen's samlad bedömning for the region. Each recording is a new fact; fastställd by a beslut, after which
 * a new bedömning cites one.
 */
@Aggregate
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class IskBedomning {

    @AggregateIdentifier
    private String iskId;
    private String namndCode;
    private int year;
    private Beslut adoptedBy;

    protected IskBedomning() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(RecordIskBedomning command, CatalogueLookup catalogue) {
        Aggregates.expectVersion(command.iskId(), command.expectedVersion());
        if (iskId == null) {
            Require.year(command.year(), "year");
            if (command.namndCode() != null && !catalogue.namndExists(command.namndCode())) {
                throw CommandRejectedException.unknown("namnd", "no nämnd with code " + command.namndCode());
            }
            if (!IkCommands.iskId(command.namndCode(), command.year()).equals(command.iskId())) {
                throw CommandRejectedException.invalid("iskId", "an ISK-bedömning is identified by nämnd and year");
            }
        } else if (!iskId.equals(IkCommands.iskId(command.namndCode(), command.year()))) {
            throw CommandRejectedException.invalid("namnd", iskId + " is the bedömning of " + namndCode + " " + year);
        }
        Beslut beslut = Revisions.check(command.iskId(), adoptedBy, command.revisionBeslut());
        boolean tillracklig = Require.present(command.tillracklig(), "tillracklig");
        String motivation = Require.text(command.motivation(), "motivation", 8000);
        List<KravBedomning> krav = new ArrayList<>();
        Set<Krav> seen = EnumSet.noneOf(Krav.class);
        for (KravBedomning bedomning : command.krav() == null ? List.<KravBedomning>of() : command.krav()) {
            Krav which = Require.present(Require.present(bedomning, "krav").krav(), "krav.krav");
            if (!seen.add(which)) {
                throw CommandRejectedException.invalid("krav", "krav " + which.name().toLowerCase() + " is assessed twice");
            }
            krav.add(new KravBedomning(which, Require.present(bedomning.tillracklig(), "krav.tillracklig"),
                    Require.optionalText(bedomning.kommentar(), "krav.kommentar", 4000)));
        }
        apply(new IskBedomningRecorded(command.iskId(), command.namndCode(), command.year(), tillracklig, motivation,
                List.copyOf(krav), beslut));
        return Aggregates.currentVersion();
    }

    @CommandHandler
    public long handle(AdoptIskBedomning command) {
        if (adoptedBy != null) {
            throw CommandRejectedException.conflict("status", iskId + " is already fastställd by " + adoptedBy);
        }
        apply(new IskBedomningAdopted(iskId, Require.present(command.beslut(), "beslut")));
        return Aggregates.currentVersion();
    }

    @EventSourcingHandler
    void on(IskBedomningRecorded event) {
        iskId = event.iskId();
        namndCode = event.namndCode();
        year = event.year();
    }

    @EventSourcingHandler
    void on(IskBedomningAdopted event) {
        adoptedBy = event.beslut();
    }
}
