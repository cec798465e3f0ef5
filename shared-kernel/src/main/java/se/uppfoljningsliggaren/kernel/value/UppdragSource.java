package se.uppfoljningsliggaren.kernel.value;

public enum UppdragSource {
    /** Region-wide uppdrag from regionfullmäktige, numbered per year. */
    RF,
    /** The nämnd's own uppdrag. */
    NAMND,
    /** A nämnduppdrag to an organisational unit. */
    NAMNDUPPDRAG,
    REGIONDIREKTOR,
    REGERINGSUPPDRAG
}
