package se.uppfoljningsliggaren.command;

import se.uppfoljningsliggaren.kernel.value.Beslut;

/**
 * The rule shared by everything a nämnd fastställer (plans, follow-ups): until fastställd it is changed freely and
 * cites no beslut; after that every change is a revision that cites a beslut, decided no earlier than the first.
 */
public final class Revisions {

    private Revisions() {
    }

    /** @return the beslut to record with the change (null before fastställande) */
    public static Beslut check(String id, Beslut adoptedBy, Beslut revisionBeslut) {
        if (adoptedBy == null) {
            if (revisionBeslut != null) {
                throw CommandRejectedException.invalid("revisionBeslut",
                        id + " is not fastställd: it is changed freely until then; revisionBeslut is for revisions");
            }
            return null;
        }
        if (revisionBeslut == null) {
            throw CommandRejectedException.invalid("revisionBeslut",
                    id + " is fastställd: a change is a revision and must cite the beslut that decided it");
        }
        // a date the source does not print cannot be compared: the order is then not checked
        if (revisionBeslut.knownBefore(adoptedBy)) {
            throw CommandRejectedException.invalid("revisionBeslut.datum",
                    "a revision cannot be decided before " + id + " was fastställd (" + adoptedBy.datum() + ")");
        }
        return revisionBeslut;
    }
}
