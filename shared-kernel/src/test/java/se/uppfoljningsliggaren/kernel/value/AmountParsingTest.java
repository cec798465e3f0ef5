package se.uppfoljningsliggaren.kernel.value;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Amounts as budgets, resultatrapporter and tables of figures print them (000, 001, 003, 004). */
class AmountParsingTest {

    @ParameterizedTest(name = "\"{0}\" is {1} {2}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "-2 314,7|-2314.7|null",        // 000 driftbudget, Hälsovalsenheten
            "−2 314,7|-2314.7|null",        // U+2212 minus
            "–0,5|-0.5|null",               // en dash as minus, as typeset tables print it
            "- 274,4|-274.4|null",
            "+1,4|1.4|null",
            "0,0|0.0|null",
            "2 627,9|2627.9|null",          // 004 resultatbudget, Övriga intäkter
            "4 340 000 kr|4340000|kr",      // 000 bidrag
            "3 083 000 kr|3083000|kr",
            "83,5 mnkr|83.5|mnkr",
            "12 500 tkr|12500|tkr",
            "4,9 %|4.9|%",
            "4,9%|4.9|%",
            "33 procent|33|procent"
    })
    void reads_a_printed_amount_and_keeps_the_print(String written, BigDecimal number, String unit) {
        Varde.Numeric amount = VardeParser.amount(written);
        assertThat(amount.written()).isEqualTo(written);
        assertThat(amount.number()).isEqualByComparingTo(number);
        assertThat(amount.unit()).isEqualTo(unit);
    }

    @Test
    void a_no_break_space_or_a_thin_space_separates_thousands_as_a_space_does() {
        assertThat(VardeParser.amount("-2\u00A0314,7").number()).isEqualByComparingTo("-2314.7");
        assertThat(VardeParser.amount("4\u202F340\u202F000 kr").number()).isEqualByComparingTo("4340000");
        assertThat(VardeParser.amount("-2\u00A0314,7").written()).isEqualTo("-2\u00A0314,7");
    }

    @Test
    void a_signed_amount_is_an_amount_not_a_change_target() {
        assertThat(VardeParser.parse("-15 %").form()).isEqualTo(VardeForm.CHANGE);
        assertThat(VardeParser.amount("-15 %")).isEqualTo(
                new Varde.Numeric("-15 %", new BigDecimal("-15"), "%", null));
    }

    @ParameterizedTest(name = "\"{0}\" is refused")
    @ValueSource(strings = {"Belopp ännu ej fastställt", "–", "", "  ", "2 31,4", "1,2,3", "77–80", "-2 314,7 st",
            "12 mnkr mnkr", "ca 5 mnkr"})
    void words_dashes_and_malformed_figures_are_no_amount(String written) {
        assertThatThrownBy(() -> VardeParser.amount(written)).isInstanceOf(InvalidVardeException.class);
    }

    @Test
    void words_and_dashes_are_kept_in_the_form_they_are_declared_with_and_have_no_number() {
        assertThat(VardeParser.amount(VardeForm.NOT_DECIDED, "Belopp ännu ej fastställt", null, null, null))
                .isEqualTo(new Varde.NotDecided("Belopp ännu ej fastställt"));
        assertThat(VardeParser.amount(VardeForm.PROSE, "–", null, null, null))
                .isEqualTo(new Varde.Prose("–", Varde.ProseKind.OTHER));
        assertThat(VardeParser.amount(VardeForm.MISSING, "..", Varde.MissingKind.NOT_YET_PUBLISHED,
                "Utfallet publiceras i mars", null).form()).isEqualTo(VardeForm.MISSING);
    }

    @Test
    void a_declared_number_is_read_as_an_amount_and_other_computed_forms_are_refused() {
        assertThat(VardeParser.amount(VardeForm.NUMBER, "-2 314,7", null, null, null))
                .isEqualTo(VardeParser.amount("-2 314,7"));
        assertThatThrownBy(() -> VardeParser.amount(VardeForm.CHANGE, "-15 %", null, null, null))
                .isInstanceOf(InvalidVardeException.class).hasMessageContaining("not CHANGE");
    }

    @Test
    void an_amount_beyond_the_figure_limits_is_refused() {
        assertThatThrownBy(() -> VardeParser.amount("1 000 000 000 000 000 000 kr"))
                .isInstanceOf(InvalidVardeException.class);
        assertThatThrownBy(() -> VardeParser.amount("0,1234567")).isInstanceOf(InvalidVardeException.class);
    }
}
