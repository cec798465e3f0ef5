package se.uppfoljningsliggaren.kernel.followup;

import se.uppfoljningsliggaren.kernel.followup.Assessment.Colour;
import se.uppfoljningsliggaren.kernel.followup.Assessment.Trend;
import se.uppfoljningsliggaren.kernel.value.Beslut;

/**
 * The nämnd assessed a goal or uppdrag: colour (or not assessed, with the reason), trend and comment.
 * {@code reconstructed} marks a colour read back from the comment (demo data from documents whose icons were lost).
 */
public record ItemAssessed(String occasionId, String itemId, Colour colour, String notAssessedReason, Trend trend,
                           String comment, boolean reconstructed, Beslut revisionBeslut) {
}
