package se.uppfoljningsliggaren.query.followup;

import se.uppfoljningsliggaren.kernel.followup.Assessment.OccasionKind;
import se.uppfoljningsliggaren.kernel.followup.IndikatorAssessed;
import se.uppfoljningsliggaren.kernel.followup.ItemAssessed;
import se.uppfoljningsliggaren.kernel.followup.OccasionAdopted;
import se.uppfoljningsliggaren.kernel.followup.OccasionOpened;
import se.uppfoljningsliggaren.kernel.followup.ResultatrapportRecorded;
import se.uppfoljningsliggaren.kernel.value.Beslut;
import se.uppfoljningsliggaren.kernel.value.Period;
import se.uppfoljningsliggaren.query.FigureTableEntry;

import java.util.LinkedHashMap;

/** The stored read-model document of one follow-up occasion: the latest assessment of each item and indikator. */
public class OccasionDocument {

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
    /** Where each item comes from: the provenance of the write that last set it, by its audit-trail key. */
    java.util.TreeMap<String, se.uppfoljningsliggaren.kernel.source.Provenance> provenance = new java.util.TreeMap<>();

    public static OccasionDocument open(OccasionOpened event) {
        OccasionDocument document = new OccasionDocument();
        document.occasionId = event.occasionId();
        document.namndCode = event.namndCode();
        document.year = event.year();
        document.planId = event.planId();
        document.kind = event.kind();
        document.period = event.period();
        return document;
    }

    public String occasionId() {
        return occasionId;
    }

    public String planId() {
        return planId;
    }

    /** Applies an event of the occasion after its opening: the latest assessment of each item and indikator wins. */
    public void apply(Object event) {
        if (event instanceof ItemAssessed e) {
            items.put(e.itemId(), e);
        } else if (event instanceof IndikatorAssessed e) {
            indikatorer.put(e.styrtalId(), e);
        } else if (event instanceof ResultatrapportRecorded e) {
            resultatrapport = e;
        } else if (event instanceof OccasionAdopted e) {
            adoptedBy = e.beslut();
        } else {
            throw new IllegalArgumentException("not an occasion event: " + event.getClass().getSimpleName());
        }
    }
}
