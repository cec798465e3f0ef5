package se.uppfoljningsliggaren.kernel.source;

/** What kind of document a source is. */
public enum SourceDocumentKind {
    VERKSAMHETSPLAN_MED_BUDGET, VERKSAMHETSBERATTELSE, DELARSRAPPORT, INTERNKONTROLLPLAN, PROTOKOLL
}
