package se.uppfoljningsliggaren.kernel.audit;

/**
 * What an audit entry is about, and its entity key: {@code <prefix>:<scope>:<id>}, the prefix naming the kind and
 * the ids being the ledger's own (each matching the id pattern, so a key has no '/' and stays within 200
 * characters). Every entity's events belong to one aggregate, so its history is in store order.
 * <ul>
 *   <li>{@code plan:<planId>}, {@code goal:<planId>:<goalId>}, {@code styrtal:<planId>:<styrtalId>},
 *       {@code uppdrag:<planId>:<uppdragId>} (an RF uppdrag the plan took up: its RF- id),
 *       {@code aktivitet:<planId>:<aktivitetId>}, {@code budget-table:<planId>:<tableId>},
 *       {@code budget-line:<planId>:<lineId>}, {@code figure-table:<planId>:<tableId>} (a table of figures:
 *       nyckeltal, bidrag)</li>
 *   <li>{@code utfall:<namnd>:<indikatorId>:<period>} for an utfall, with {@code :prognos} appended for a prognos;
 *       the period as 2024, 2024-09 (month), 2024-T2 (tertial), 2024-07-31 (delår per a date), 2023-2024 (span)</li>
 *   <li>{@code occasion:<occasionId>} (also its resultatrapport), {@code assessment:<occasionId>:<itemId>} (a goal,
 *       uppdrag or styrtal assessed at the occasion), {@code figure-table:<occasionId>:<tableId>} (a table of figures
 *       of the follow-up: personalekonomi, nyckeltal)</li>
 *   <li>{@code ik-plan:<ikPlanId>}, {@code risk:<ikPlanId>:<riskId>}, {@code atgard:<ikPlanId>:<atgardId>}
 *       (a regionövergripande åtgärd as reported in a nämnd's plan: {@code atgard:<ikPlanId>:region:<atgardId>}),
 *       {@code isk:<iskId>}</li>
 *   <li>{@code namnd:<code>}, {@code indikator:<indikatorId>}, {@code rf-uppdrag:<rfUppdragId>},
 *       {@code behorighet:<subject>} (the nämnder the admin's register grants a person), {@code source:<documentId>}
 *       (a registered source document)</li>
 * </ul>
 */
public enum EntityKind {
    PLAN("plan"), GOAL("goal"), STYRTAL("styrtal"), UPPDRAG("uppdrag"), AKTIVITET("aktivitet"),
    BUDGET_TABLE("budget-table"), BUDGET_LINE("budget-line"),
    FIGURE_TABLE("figure-table"), UTFALL("utfall"), OCCASION("occasion"),
    ASSESSMENT("assessment"), IK_PLAN("ik-plan"), IK_RISK("risk"), IK_ATGARD("atgard"), ISK_BEDOMNING("isk"),
    NAMND("namnd"), INDIKATOR("indikator"), RF_UPPDRAG("rf-uppdrag"), BEHORIGHET("behorighet"),
    SOURCE_DOCUMENT("source");

    public final String prefix;

    EntityKind(String prefix) {
        this.prefix = prefix;
    }

    /** The entity key of this kind from its ids, outermost first. */
    public String key(String... ids) {
        return prefix + ":" + String.join(":", ids);
    }

    /** The kind an entity key names by its prefix. */
    public static EntityKind ofKey(String entityKey) {
        String prefix = entityKey.substring(0, Math.max(entityKey.indexOf(':'), 0));
        for (EntityKind kind : values()) {
            if (kind.prefix.equals(prefix)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("no entity kind has the prefix of " + entityKey);
    }
}
