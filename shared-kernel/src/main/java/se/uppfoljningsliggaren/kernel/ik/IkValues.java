package se.uppfoljningsliggaren.kernel.ik;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** The values of internal control: the requirements a–e, risk valuation, åtgärd status and effect answers. */
public final class IkValues {

    private IkValues() {
    }

    /**
     * The requirements ISK is judged against. Intern styrning: a) tasks, mål and uppdrag are fulfilled, b) within the
     * budget. Intern kontroll: c) styrande dokument, laws and agreements are followed, d) reporting and follow-up are
     * true and fair, e) information security. A risk in an IK-plan threatens c, d or e.
     */
    public enum Krav {
        A, B, C, D, E;

        public static final Set<Krav> INTERN_KONTROLL = EnumSet.of(C, D, E);
    }

    /**
     * Sannolikhet × konsekvens on the 1–4 scales common in Swedish municipal internal control; the product is the
     * riskvärde (1–16).
     */
    public record RiskVardering(int sannolikhet, int konsekvens) {

        public int riskvarde() {
            return sannolikhet * konsekvens;
        }
    }

    /**
     * planerad → pågående → avslutad | ej genomförd. Avslutad and ej genomförd are where an åtgärd ends: a year-end
     * status is never reopened (a mistaken one is corrected by a revision of the plan, not by moving it back).
     */
    public enum AtgardStatus {
        PLANERAD, PAGAENDE, AVSLUTAD, EJ_GENOMFORD;

        public boolean canMoveTo(AtgardStatus next) {
            return switch (this) {
                case PLANERAD -> next != PLANERAD;
                case PAGAENDE -> next == AVSLUTAD || next == EJ_GENOMFORD;
                case AVSLUTAD, EJ_GENOMFORD -> false;
            };
        }

        public boolean open() {
            return this == PLANERAD || this == PAGAENDE;
        }
    }

    /** "Har åtgärden bidragit till önskad effekt?": ja, delvis ("Ja delvis" in 001), nej. */
    public enum EffektSvar {
        JA, DELVIS, NEJ
    }

    /** One row's content: what is done, who performs it, who reports it, when. */
    public record AtgardContent(String text, String utforare, String rapporteras, String tidplan) {
    }

    /** A risk's content: its verksamhet (process/område), what could happen, what it threatens, how likely and bad. */
    public record RiskContent(String verksamhet, String text, Set<Krav> krav, RiskVardering riskvardering) {

        /** Kept in the order c, d, e whatever order they came in, so stored documents are the same on every run. */
        public RiskContent {
            krav = krav == null || krav.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(krav));
        }
    }

    /** The bedömning of one requirement a–e, when the nämnd makes one per requirement. */
    public record KravBedomning(Krav krav, Boolean tillracklig, String kommentar) {
    }
}
