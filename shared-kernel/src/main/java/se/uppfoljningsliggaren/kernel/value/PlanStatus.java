package se.uppfoljningsliggaren.kernel.value;

public enum PlanStatus {
    /** Being entered; changes need no beslut. */
    UTKAST,
    /** Fastställd by a beslut; every change is a revision citing a beslut. */
    FASTSTALLD
}
