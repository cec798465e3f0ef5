package se.uppfoljningsliggaren.kernel.catalogue;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Commands on the reference data every plan refers to: nämnder, the indikator catalogue, RF uppdrag. */
public final class CatalogueCommands {

    private CatalogueCommands() {
    }

    public record RegisterNamnd(@TargetAggregateIdentifier String code, String name, String forvaltning) {
    }

    public record RegisterIndikator(@TargetAggregateIdentifier String indikatorId, String name, String unit,
                                    String description) {
    }

    /** An RF uppdrag exists once per year and number, however many nämnder it is given to. */
    public record IssueRfUppdrag(@TargetAggregateIdentifier String rfUppdragId, int year, int nr, String text,
                                 List<String> givenTo, String continuesFrom) {
    }

    public static String rfUppdragId(int year, int nr) {
        return "RF-" + year + "-" + nr;
    }
}
