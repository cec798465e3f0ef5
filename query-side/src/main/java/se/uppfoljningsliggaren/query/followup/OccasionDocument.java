package se.uppfoljningsliggaren.query.followup;

import se.uppfoljningsliggaren.kernel.followup.Assessment.OccasionKind;
import se.uppfoljningsliggaren.kernel.followup.IndikatorAssessed;
import se.uppfoljningsliggaren.kernel.followup.ItemAssessed;
import se.uppfoljningsliggaren.kernel.followup.OccasionOpened;
import se.uppfoljningsliggaren.kernel.followup.ResultatrapportRecorded;
import se.uppfoljningsliggaren.kernel.value.Beslut;
import se.uppfoljningsliggaren.kernel.value.Period;
import se.uppfoljningsliggaren.query.FigureTableEntry;

import java.util.LinkedHashMap;

/** The stored read-model document of one follow-up occasion: the latest assessment of each item and indikator. */
class OccasionDocument {

    String occasionId;
    String namndCode;
    int year;
    String planId;
    OccasionKind kind;
    Period period;
    Beslut adoptedBy;
    LinkedHashMap<String, ItemAssessed> items = new LinkedHashMap<>();
    LinkedHashMap<String, IndikatorAssessed> indikatorer = new LinkedHashMap<>();
    ResultatrapportRecorded resultatrapport;
    LinkedHashMap<String, FigureTableEntry> figureTables = new LinkedHashMap<>();

    static OccasionDocument open(OccasionOpened event) {
        OccasionDocument document = new OccasionDocument();
        document.occasionId = event.occasionId();
        document.namndCode = event.namndCode();
        document.year = event.year();
        document.planId = event.planId();
        document.kind = event.kind();
        document.period = event.period();
        return document;
    }
}
