package se.uppfoljningsliggaren.command.plan;

import se.uppfoljningsliggaren.command.catalogue.StubCatalogueLookup;
import se.uppfoljningsliggaren.kernel.plan.BudgetLineAdded;
import se.uppfoljningsliggaren.kernel.plan.BudgetTableAdded;
import se.uppfoljningsliggaren.kernel.plan.GoalAdded;
import se.uppfoljningsliggaren.kernel.plan.PlanAdopted;
import se.uppfoljningsliggaren.kernel.plan.PlanCreated;
import se.uppfoljningsliggaren.kernel.plan.RfUppdragReceived;
import se.uppfoljningsliggaren.kernel.plan.StyrtalAdded;
import se.uppfoljningsliggaren.kernel.plan.UppdragAdded;
import se.uppfoljningsliggaren.kernel.value.Beslut;
import se.uppfoljningsliggaren.kernel.value.BudgetColumn;
import se.uppfoljningsliggaren.kernel.value.BudgetKind;
import se.uppfoljningsliggaren.kernel.value.Direction;
import se.uppfoljningsliggaren.kernel.value.GoalKind;
import se.uppfoljningsliggaren.kernel.value.GoalOrigin;
import se.uppfoljningsliggaren.kernel.value.Period;
import se.uppfoljningsliggaren.kernel.value.PeriodValue;
import se.uppfoljningsliggaren.kernel.value.StyrtalContent;
import se.uppfoljningsliggaren.kernel.value.UppdragSource;
import se.uppfoljningsliggaren.kernel.value.VardeParser;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test data from Regionstyrelsen's verksamhetsplan med budget 2026 (Region Örebro län, seed document 000), as events
 * the Plan aggregate itself would have produced.
 */
final class Rs2026 {

    static final String PLAN = "RS-2026";
    static final String TITLE = "Verksamhetsplan med budget 2026 med planering 2027–2028 för regionstyrelsen";

    /** The beslut that fastställer the plan. */
    static final Beslut FASTSTALLD = new Beslut("Regionstyrelsen", LocalDate.of(2025, 12, 10), "§ 250", "25RS0001");
    /** A tilläggsbudget in spring 2026. */
    static final Beslut TILLAGGSBUDGET = new Beslut("Regionstyrelsen", LocalDate.of(2026, 3, 11), "§ 41", "26RS0112");
    /** A later omfördelning within the budget. */
    static final Beslut OMFORDELNING = new Beslut("Regionstyrelsen", LocalDate.of(2026, 6, 10), "§ 98", "26RS0450");
    /** A beslut taken before the plan was fastställd: it cannot revise it. */
    static final Beslut NOVEMBER_2025 = new Beslut("Regionstyrelsen", LocalDate.of(2025, 11, 5), "§ 210", "25RS0999");

    static final String M1 = "M1";
    static final String M1_TITLE = "Hälso- och sjukvården är god, säker och jämlik.";
    static final String M2 = "M2";
    static final String MO_BEREDSKAP = "MO-BEREDSKAP";

    static final String IND_TELEFON = "IND-TELEFONTILLGANGLIGHET-PV";
    static final String ST_TELEFON = "ST-1-3C";

    static final String RF_38 = "RF-2026-38";
    static final String RF_38_TEXT = "Att fortsätta arbetet för en ekonomi i balans.";
    static final String RF_42 = "RF-2026-42";
    /** 2025's Nr 39 (became 2026's Nr 42): given to RS, but for another year. */
    static final String RF_2025_39 = "RF-2025-39";
    /** Given only to Servicenämnden. */
    static final String RF_SN_ONLY = "RF-2026-60";

    static final String EGET_GRANSKNING = "RS-EGET-1";
    static final String EGET_GRANSKNING_TEXT = "Att genomföra en fördjupad granskning av samtliga externa vårdgivare med "
            + "syfte att säkerställa att deras verksamhet bedrivs korrekt utifrån avtal samt att korrekt ersättning "
            + "utbetalats.";

    static final String DRIFT = "DRIFT";
    static final String INVESTERING = "INVESTERING";
    static final String B2026 = "B2026";
    static final String P2025 = "P2025";
    static final String B2025 = "B2025";
    static final String RS_VERKSAMHETER = "L-RS-VERKSAMHETER";
    static final String REGIONKANSLIET = "L-REGIONKANSLIET";
    static final String HALSOVAL = "L-HALSOVALSENHETEN";

    private Rs2026() {
    }

    static StubCatalogueLookup catalogue() {
        return new StubCatalogueLookup()
                .namnd("RS", "SN", "RTN")
                .indikator(IND_TELEFON)
                .rfUppdrag(RF_38, 2026, "RS", "SN")
                .rfUppdrag(RF_42, 2026, "RS")
                .rfUppdrag(RF_2025_39, 2025, "RS")
                .rfUppdrag(RF_SN_ONLY, 2026, "SN");
    }

    static PlanCreated created() {
        return new PlanCreated(PLAN, "RS", 2026, TITLE, List.of(2027, 2028));
    }

    static GoalAdded malsattning1() {
        return new GoalAdded(PLAN, M1, null, GoalKind.MALSATTNING, GoalOrigin.RF, "1", M1_TITLE, null, null);
    }

    static GoalAdded malsattning2() {
        return new GoalAdded(PLAN, M2, null, GoalKind.MALSATTNING, GoalOrigin.RF, "2",
                "Tandvården är god, säker och jämlik.", null, null);
    }

    static GoalAdded malomradeBeredskap() {
        return new GoalAdded(PLAN, MO_BEREDSKAP, null, GoalKind.MALOMRADE, GoalOrigin.NAMND, null,
                "Beredskap och säkerhet", null, null);
    }

    /** "3 c. Telefontillgängligheten i primärvård, inom 0 dagar. (Utfall maj 2025) 82 % 90 % 95 %". */
    static StyrtalContent telefontillganglighet(String arsMalvarde) {
        return new StyrtalContent("3 c.", "Telefontillgängligheten i primärvård, inom 0 dagar.", "%", Direction.OKA,
                new PeriodValue(VardeParser.parse("82 %"), Period.parse("maj 2025"), PeriodValue.Basis.UTFALL),
                VardeParser.parse(arsMalvarde), VardeParser.parse("95 %"), List.of());
    }

    static StyrtalAdded styrtalTelefon() {
        return new StyrtalAdded(PLAN, ST_TELEFON, M1, IND_TELEFON, telefontillganglighet("90 %"), null);
    }

    static RfUppdragReceived rf38Received() {
        return new RfUppdragReceived(PLAN, RF_38, null, null);
    }

    static UppdragAdded egetUppdragGranskning() {
        return new UppdragAdded(PLAN, EGET_GRANSKNING, M1, UppdragSource.NAMND, null, EGET_GRANSKNING_TEXT, null,
                null, null);
    }

    static List<BudgetColumn> driftColumns() {
        return List.of(new BudgetColumn(B2026, "Budget 2026", BudgetColumn.Role.BUDGET),
                new BudgetColumn(P2025, "Prognos 2025", BudgetColumn.Role.PROGNOS_PREVIOUS_YEAR),
                new BudgetColumn(B2025, "Budget 2025", BudgetColumn.Role.BUDGET_PREVIOUS_YEAR));
    }

    static BudgetTableAdded driftTable() {
        return new BudgetTableAdded(PLAN, DRIFT, BudgetKind.DRIFT, "Driftbudget regionstyrelsen", driftColumns(), null);
    }

    static BudgetTableAdded investeringTable() {
        return new BudgetTableAdded(PLAN, INVESTERING, BudgetKind.INVESTERING, "Investeringsbudget",
                List.of(new BudgetColumn(B2026, "Budget 2026", BudgetColumn.Role.BUDGET)), null);
    }

    /** Amounts in mnkr for columns Budget 2026, Prognos 2025, Budget 2025, as printed. */
    static Map<String, BigDecimal> mnkr(String budget2026, String prognos2025, String budget2025) {
        Map<String, BigDecimal> amounts = new LinkedHashMap<>();
        amounts.put(B2026, budget2026 == null ? null : new BigDecimal(budget2026));
        amounts.put(P2025, prognos2025 == null ? null : new BigDecimal(prognos2025));
        amounts.put(B2025, budget2025 == null ? null : new BigDecimal(budget2025));
        return amounts;
    }

    /** "Regionstyrelsens verksamheter, varav -370,4 -332,0 -361,3". */
    static BudgetLineAdded rsVerksamheter() {
        return new BudgetLineAdded(PLAN, RS_VERKSAMHETER, DRIFT, null, "Regionstyrelsens verksamheter, varav", 0,
                mnkr("-370.4", "-332.0", "-361.3"), null, null);
    }

    /** "- Regionkansliet -263,0 -230,6 -257,1". */
    static BudgetLineAdded regionkansliet() {
        return new BudgetLineAdded(PLAN, REGIONKANSLIET, DRIFT, RS_VERKSAMHETER, "Regionkansliet", 1,
                mnkr("-263.0", "-230.6", "-257.1"), null, null);
    }

    /** "Hälsovalsenheten, varav -2 314,7 -2 208,8 -2 246,6". */
    static BudgetLineAdded halsovalsenheten() {
        return new BudgetLineAdded(PLAN, HALSOVAL, DRIFT, null, "Hälsovalsenheten, varav", 2,
                mnkr("-2314.7", "-2208.8", "-2246.6"), null, null);
    }

    static PlanAdopted adopted() {
        return new PlanAdopted(PLAN, FASTSTALLD);
    }
}
