package se.uppfoljningsliggaren.kernel.ik;

import se.uppfoljningsliggaren.kernel.ik.IkValues.AtgardStatus;
import se.uppfoljningsliggaren.kernel.value.Beslut;

import java.time.LocalDate;

/**
 * A step of an åtgärd's lifecycle. {@code datum} is the day it applies from, null when the source prints none; then
 * {@code reportedIn} is the follow-up that reports the status and {@code reportedPer} the last day of its period, the
 * day the report states it for (events recorded before these fields existed all have a datum).
 */
public record IkAtgardStatusChanged(String ikPlanId, String atgardId, boolean regionovergripande,
                                    AtgardStatus from, AtgardStatus to, LocalDate datum, String comment,
                                    Beslut revisionBeslut, String reportedIn, LocalDate reportedPer) {

    /** A step with its date. */
    public IkAtgardStatusChanged(String ikPlanId, String atgardId, boolean regionovergripande, AtgardStatus from,
                                 AtgardStatus to, LocalDate datum, String comment, Beslut revisionBeslut) {
        this(ikPlanId, atgardId, regionovergripande, from, to, datum, comment, revisionBeslut, null, null);
    }

    /** The day the status is known to hold from: its date, or else the last day of the period reported on. */
    public LocalDate holdsFrom() {
        return datum != null ? datum : reportedPer;
    }
}
