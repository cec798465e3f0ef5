package se.uppfoljningsliggaren.command.catalogue;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import se.uppfoljningsliggaren.command.CommandRejectedException;
import se.uppfoljningsliggaren.command.Require;
import se.uppfoljningsliggaren.kernel.ik.IkCommands;
import se.uppfoljningsliggaren.kernel.catalogue.CatalogueCommands.RegisterNamnd;
import se.uppfoljningsliggaren.kernel.catalogue.NamndRegistered;

import java.util.regex.Pattern;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A nämnd as reference data, identified by its short code ("RS", "SN"). */
@Aggregate
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class Namnd {

    private static final Pattern CODE = Pattern.compile("[A-ZÅÄÖ][A-ZÅÄÖ0-9]{0,9}");

    @AggregateIdentifier
    private String code;

    protected Namnd() {
    }

    @CommandHandler
    public Namnd(RegisterNamnd command) {
        if (command.code() == null || !CODE.matcher(command.code()).matches()) {
            throw CommandRejectedException.invalid("code",
                    "code must be 1–10 capital letters or digits, starting with a letter");
        }
        if (command.code().equals(IkCommands.REGION)) {
            throw CommandRejectedException.invalid("code", "REGION stands for the whole region and is no nämnd's code");
        }
        apply(new NamndRegistered(command.code(), Require.text(command.name(), "name", 200),
                Require.optionalText(command.forvaltning(), "forvaltning", 200)));
    }

    @EventSourcingHandler
    void on(NamndRegistered event) {
        this.code = event.code();
    }

    public String code() {
        return code;
    }
}
