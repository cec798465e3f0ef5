package se.uppfoljningsliggaren.kernel.ik;

/**
 * An internkontrollplan was begun. Who and why travel in the metadata; a beslut that decided a revision is part of
 * the fact and is carried in the payload ({@code revisionBeslut}, null before the plan was fastställd).
 *
 * @param namndCode null for the regionövergripande risks and åtgärder of the year
 */
public record IkPlanCreated(String ikPlanId, String namndCode, int year) {
}
