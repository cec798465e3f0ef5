package se.uppfoljningsliggaren.query;

/** The as-of histories of the document views, one per live table (written by its projection, read by any view). */
public final class Histories {

    public static final DocumentHistory PLAN = new DocumentHistory("plan_view_history", "plan_view", "plan_id");
    public static final DocumentHistory OCCASION =
            new DocumentHistory("followup_view_history", "followup_view", "occasion_id");
    public static final DocumentHistory IK_PLAN =
            new DocumentHistory("ik_plan_view_history", "ik_plan_view", "ik_plan_id");
    public static final DocumentHistory ISK = new DocumentHistory("isk_view_history", "isk_view", "isk_id");

    private Histories() {
    }
}
