package se.uppfoljningsliggaren.kernel.value;

/** The kinds of goal in both planning models (2025–2026: målsättning/målområde; 2023–2024: perspektiv → effektmål → nämndmål). */
public enum GoalKind {
    MALSATTNING, EFFEKTMAL, NAMNDMAL, TERRITORIELLT_MAL, VERKSAMHETSMAL, MALOMRADE, STRATEGI, PERSPEKTIV
}
