package se.uppfoljningsliggaren.kernel.followup;

/** The vocabulary of måluppfyllelse at a follow-up occasion. */
public final class Assessment {

    private Assessment() {
    }

    /** Periodrapport (month, economy and selected nyckeltal), delårsrapport (per a date), verksamhetsberättelse (year). */
    public enum OccasionKind { PERIODRAPPORT, DELARSRAPPORT, VERKSAMHETSBERATTELSE }

    /** Grön: uppnått eller överträffat; gul: mindre, acceptabel avvikelse; röd: större negativ avvikelse. */
    public enum Colour { GRON, GUL, ROD, NOT_ASSESSED }

    /** Against the previous year or the start of the year. */
    public enum Trend { FORBATTRAD, OFORANDRAD, FORSAMRAD }

    public enum IndikatorStatus { HELT, DELVIS, INTE_ALLS, VARDE_SAKNAS }
}
