package se.uppfoljningsliggaren.command.access;

/** What a person may do in the ledger; the rule of each write is in {@link WritePolicy}. */
public enum Role {
    /** Writes plans, utfall, assessments, resultatrapport and IK status for the nämnder in their scope. */
    CONTROLLER,
    /** Reads everything, the audit trail included; writes nothing. */
    REVISOR,
    /** Reads all nämnder and the overviews; writes the regionövergripande IK rows, RF uppdrag, the samlad ISK. */
    REGIONSTYRELSEN,
    /** Nämnder, the indikator catalogue and the read-model operations; writes no follow-up figures. */
    ADMIN
}
