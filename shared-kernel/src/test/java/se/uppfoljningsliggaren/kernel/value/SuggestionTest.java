package se.uppfoljningsliggaren.kernel.value;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.uppfoljningsliggaren.kernel.followup.Assessment.Colour;
import se.uppfoljningsliggaren.kernel.followup.Assessment.Trend;
import se.uppfoljningsliggaren.kernel.followup.Suggestion;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SuggestionTest {

    private static final BigDecimal TOLERANCE = new BigDecimal("10");

    @ParameterizedTest(name = "{0} against {1} ({2}) → {3}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "82 %|90 %|OKA|GUL",           // 8,9 % short of the target: within 10 %
            "76 %|90 %|OKA|ROD",
            "95 %|90 %|-|GRON",
            "6,5 %|6,3–6,1 %|MINSKA|GUL", // just outside the falling interval
            "6,2 %|6,3–6,1 %|MINSKA|GRON",
            "3,5 %|6,3–5,8 %|MINSKA|GRON", // below a falling interval is better, not worse
            "83|77–80|-|GUL",              // "ska ligga inom intervallet": above is a deviation too
            "60|77–80|-|ROD",
            "83,5 mnkr|>0|-|GRON",
            "-2 mnkr|>0|-|ROD",
            "Plats 6 av 7|Plats 3 av 7|-|ROD",
            "10 av 21|9 av 21|-|GUL",
            "8 748 ton|8 727 ton|MINSKA|GUL",
            "+1,4 %|-15 %|MINSKA|ROD",      // klimatpåverkan rose where it should fall by 15 %
            "55 %|Riket + 1 %|-|-",        // relative to a benchmark: no suggestion
    })
    void suggests_a_colour_from_utfall_target_and_direction(String utfall, String target, Direction direction,
                                                            Colour expected) {
        Suggestion.Suggested suggested = Suggestion.colour(VardeParser.parse(utfall), VardeParser.parse(target),
                direction, TOLERANCE);
        assertThat(suggested.colour()).isEqualTo(expected);
        assertThat(suggested.rule()).isNotBlank();
    }

    @ParameterizedTest(name = "{0} → {1} ({2}) is {3}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "81 %|82 %|OKA|FORBATTRAD", "82 %|82 %|OKA|OFORANDRAD", "6,5 %|6,1 %|MINSKA|FORBATTRAD",
            "Plats 6 av 7|Plats 5 av 7|-|FORBATTRAD", "69 %|Öka|-|-"})
    void computes_the_trend_by_direction(String previous, String current, Direction direction, Trend expected) {
        assertThat(Suggestion.trend(VardeParser.parse(previous), VardeParser.parse(current), direction))
                .isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void a_goal_takes_its_indikatorers_suggestions_together() {
        assertThat(Suggestion.goal(List.of(Colour.GRON, Colour.GRON))).isEqualTo(Colour.GRON);
        assertThat(Suggestion.goal(List.of(Colour.GRON, Colour.ROD, Colour.ROD))).isEqualTo(Colour.ROD);
        assertThat(Suggestion.goal(List.of(Colour.GRON, Colour.GUL))).isEqualTo(Colour.GUL);
        assertThat(Suggestion.goal(List.of())).isNull();
    }
}
