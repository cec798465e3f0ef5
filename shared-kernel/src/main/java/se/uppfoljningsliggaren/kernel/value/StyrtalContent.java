package se.uppfoljningsliggaren.kernel.value;

import java.util.List;

/** What a styrtal says in one plan: the part a revision may change. */
public record StyrtalContent(String numbering, String text, String unit, Direction direction,
                             PeriodValue senastKanda, Varde arsMalvarde, Varde langsiktigtMalvarde,
                             List<Breakdown> breakdowns) {
    public StyrtalContent {
        breakdowns = breakdowns == null ? List.of() : List.copyOf(breakdowns);
    }
}
