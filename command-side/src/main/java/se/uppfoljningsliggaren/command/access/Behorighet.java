package se.uppfoljningsliggaren.command.access;

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
import se.uppfoljningsliggaren.command.catalogue.CatalogueLookup;
import se.uppfoljningsliggaren.kernel.access.AccessCommands.SetNamndScope;
import se.uppfoljningsliggaren.kernel.access.NamndScopeSet;

import java.util.SortedSet;
import java.util.TreeSet;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One person's entry in the admin's register of nämnd scopes: the nämnder they write for as a controller, granted
 * here in addition to what their token carries. Every change is an event, so who granted what, when and why is in
 * the audit trail.
 */
@Aggregate
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class Behorighet {

    @AggregateIdentifier
    private String behorighetId;
    private SortedSet<String> namnder = new TreeSet<>();

    protected Behorighet() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(SetNamndScope command, CatalogueLookup catalogue) {
        Aggregates.expectVersion(command.behorighetId(), command.expectedVersion());
        String subject = Require.text(command.subject(), "subject", 200);
        Require.present(command.namnder(), "namnder");
        TreeSet<String> namnder = new TreeSet<>();
        for (String namnd : command.namnder()) {
            if (!catalogue.namndExists(namnd)) {
                throw CommandRejectedException.unknown("namnder", "no nämnd with code " + namnd);
            }
            namnder.add(namnd);
        }
        if (namnder.equals(this.namnder) && behorighetId != null) {
            throw CommandRejectedException.conflict("namnder", subject + " already writes for exactly " + namnder);
        }
        apply(new NamndScopeSet(subject, Require.optionalText(command.name(), "name", 200), namnder));
        return Aggregates.currentVersion();
    }

    @EventSourcingHandler
    void on(NamndScopeSet event) {
        this.behorighetId = se.uppfoljningsliggaren.kernel.access.AccessCommands.behorighetId(event.subject());
        this.namnder = new TreeSet<>(event.namnder());
    }

    public SortedSet<String> namnder() {
        return namnder;
    }
}
