package se.uppfoljningsliggaren.kernel.value;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VardeParserTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
            "82 %|NUMBER", "95,5 %|NUMBER", "6 st|NUMBER", "27 483 st|NUMBER", "8 748 ton|NUMBER",
            "1,174 miljoner ton|NUMBER", "83,5 mnkr|NUMBER", "82,6 år|NUMBER", "3,7|NUMBER", "83|NUMBER",
            "0 mnkr|NUMBER", "45 600 KVA-koder|NUMBER", "76 % (69 %)|NUMBER",
            "Plats 6 av 7|RANK", "10 av 21|RANK", "Topp 3 av 7|RANK",
            "77–80|INTERVAL", "90–100 %|INTERVAL", "6,3–6,1 %|INTERVAL",
            "Riket + 1 %|RELATIVE", "Riket + 5%|RELATIVE", "62 % (riket+ 1 %)|RELATIVE",
            "Öka|DIRECTION", "Minska|DIRECTION",
            ">0|THRESHOLD", ">78|THRESHOLD",
            "+1,4 %|CHANGE", "-15 %|CHANGE", "Ökning 5%|CHANGE",
            "öka med 33 procent jämfört med 2016|BASELINE_CHANGE",
            "60 procent till år 2030 jämfört med 2005|BASELINE_CHANGE",
            "Beslutas i samband med revidering av Program för hållbar utveckling|NOT_DECIDED"
    })
    void reads_every_printed_form_and_keeps_it_verbatim(String written, VardeForm form) {
        Varde value = VardeParser.parse(written);
        assertThat(value.form()).isEqualTo(form);
        assertThat(value.written()).isEqualTo(written);
    }

    @Test
    void reads_the_structure_exactly() {
        assertThat(VardeParser.parse("27 483 st")).isEqualTo(
                new Varde.Numeric("27 483 st", new BigDecimal("27483"), "st", null));
        assertThat(VardeParser.parse("95,5 %")).isEqualTo(new Varde.Numeric("95,5 %", new BigDecimal("95.5"), "%", null));
        assertThat(VardeParser.parse("6,3–6,1 %")).isEqualTo(
                new Varde.Interval("6,3–6,1 %", new BigDecimal("6.3"), new BigDecimal("6.1"), "%"));
        assertThat(VardeParser.parse("Plats 6 av 7")).isEqualTo(new Varde.Rank("Plats 6 av 7", 6, 7, false));
        assertThat(VardeParser.parse("Topp 3 av 7")).isEqualTo(new Varde.Rank("Topp 3 av 7", 3, 7, true));
        assertThat(VardeParser.parse("Riket + 1 %")).isEqualTo(
                new Varde.Relative("Riket + 1 %", "Riket", new BigDecimal("1"), "%", null));
        assertThat(VardeParser.parse("62 % (riket+ 1 %)")).isEqualTo(
                new Varde.Relative("62 % (riket+ 1 %)", "Riket", new BigDecimal("1"), "%", new BigDecimal("62")));
        assertThat(VardeParser.parse("-15 %")).isEqualTo(new Varde.Change("-15 %", new BigDecimal("-15"), "%"));
        assertThat(VardeParser.parse(">0")).isEqualTo(
                new Varde.Threshold(">0", Varde.Comparator.GREATER_THAN, BigDecimal.ZERO, null));
        assertThat(VardeParser.parse("öka med 33 procent jämfört med 2016")).isEqualTo(
                new Varde.BaselineChange("öka med 33 procent jämfört med 2016", Direction.OKA, new BigDecimal("33"), "%",
                        2016, null));
        assertThat(VardeParser.parse("76 % (69 %)")).isEqualTo(
                new Varde.Numeric("76 % (69 %)", new BigDecimal("76"), "%", new BigDecimal("69")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "90 %%", "Plats 8 av 7", "", "  ", "77––80 %", "högre än i jämförbara län"})
    void refuses_text_that_is_no_figure_unless_declared_as_prose(String written) {
        assertThatThrownBy(() -> VardeParser.parse(written)).isInstanceOf(InvalidVardeException.class);
    }

    @Test
    void a_no_break_space_reads_as_the_space_print_means_by_it() {
        assertThat(VardeParser.parse("82\u00a0%")).isEqualTo(
                new Varde.Numeric("82\u00a0%", new BigDecimal("82"), "%", null));
        assertThat(VardeParser.parse("82\u202f%")).isEqualTo(
                new Varde.Numeric("82\u202f%", new BigDecimal("82"), "%", null));
        assertThat(VardeParser.parse("2\u00a0314,7\u00a0mnkr")).isEqualTo(
                new Varde.Numeric("2\u00a0314,7\u00a0mnkr", new BigDecimal("2314.7"), "mnkr", null));
        assertThat(VardeParser.parse("80\u00a0\u2013\u00a085\u00a0%").form()).isEqualTo(VardeForm.INTERVAL);
    }

    @Test
    void a_declared_form_must_match_what_is_written() {
        assertThatThrownBy(() -> VardeParser.parse(VardeForm.INTERVAL, "82 %", null, null, null))
                .isInstanceOf(InvalidVardeException.class).hasMessageContaining("reads as NUMBER");
        assertThat(VardeParser.parse(VardeForm.PROSE, "högre än i jämförbara län (Västmanland)", null, null,
                Varde.ProseKind.PEER_COMPARISON)).isEqualTo(
                new Varde.Prose("högre än i jämförbara län (Västmanland)", Varde.ProseKind.PEER_COMPARISON));
        Varde missing = VardeParser.parse(VardeForm.MISSING, "Utfall kan ej lämnas för 2024", Varde.MissingKind.DATA_UNAVAILABLE,
                "Underlaget från Cosmic är ännu inte kvalitetssäkrat", null);
        assertThat(missing).isInstanceOf(Varde.Missing.class);
    }

    @Test
    void periods_read_and_print_as_users_write_them() {
        assertThat(Period.parse("maj 2025").label()).isEqualTo("maj 2025");
        assertThat(Period.parse("Maj 2025").month()).isEqualTo(5);
        assertThat(Period.parse("2024")).isEqualTo(Period.ofYear(2024));
        assertThat(Period.parse("tvåårsdata 2023–2024").label()).isEqualTo("2023–2024");
        assertThat(Period.parse("per 31 juli 2024").asOf()).hasToString("2024-07-31");
        assertThat(Period.parse("tertial 2 2025").tertial()).isEqualTo(2);
        assertThatThrownBy(() -> Period.parse("snart")).isInstanceOf(IllegalArgumentException.class);
    }
}
