package se.uppfoljningsliggaren.kernel.followup;

import se.uppfoljningsliggaren.kernel.value.Beslut;

/** The nämnd fastställde the follow-up by a beslut; later changes cite a beslut of their own. */
public record OccasionAdopted(String occasionId, Beslut beslut) {
}
