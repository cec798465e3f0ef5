package se.uppfoljningsliggaren.kernel.value;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one rule for what the ledger accepts: text, ids, people's ids, figures, dates and years. */
class InputPolicyTest {

    @Test
    void text_is_kept_as_nfc_so_a_composed_and_a_decomposed_å_are_the_same() {
        assertThat(InputPolicy.text("Re\u0067ion O\u0308rebro la\u0308n", "title")).isEqualTo("Region Örebro län");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "a\u0001b", "a\u007Fb", "a\u0085b", "a\u009Fb", "a\uD800b", "a\uDC00b", "a\rb"})
    void control_characters_and_lone_surrogates_are_refused_in_any_text(String text) {
        assertThatThrownBy(() -> InputPolicy.text(text, "comment")).isInstanceOf(InputPolicy.InvalidInputException.class)
                .satisfies(e -> assertThat(((InputPolicy.InvalidInputException) e).field()).isEqualTo("comment"));
    }

    @Test
    void newline_and_tab_are_free_texts_only() {
        assertThat(InputPolicy.text("rad ett\n\trad två", "comment")).contains("\n");
        assertThatThrownBy(() -> InputPolicy.text("rad ett\nrad två", "title"))
                .isInstanceOf(InputPolicy.InvalidInputException.class);
    }

    @Test
    void a_pair_of_surrogates_is_a_character_not_a_refusal() {
        assertThat(InputPolicy.text("mål 🎯", "title")).isEqualTo("mål 🎯");
    }

    @Test
    void each_kind_has_its_maximum_length() {
        assertThat(InputPolicy.text("x".repeat(1000), "title")).hasSize(1000);
        assertThatThrownBy(() -> InputPolicy.text("x".repeat(1001), "title"))
                .isInstanceOf(InputPolicy.InvalidInputException.class);
        assertThat(InputPolicy.text("x".repeat(8_000), "text")).hasSize(8_000);
        assertThatThrownBy(() -> InputPolicy.text("x".repeat(8_001), "text"))
                .isInstanceOf(InputPolicy.InvalidInputException.class);
    }

    @Test
    void ids_and_peoples_ids_follow_their_patterns() {
        assertThat(InputPolicy.kindOf("planId")).isEqualTo(InputPolicy.Kind.ID);
        assertThat(InputPolicy.kindOf("namnd")).isEqualTo(InputPolicy.Kind.ID);
        assertThat(InputPolicy.kindOf("subject")).isEqualTo(InputPolicy.Kind.PRINCIPAL);
        assertThat(InputPolicy.kindOf("motivation")).isEqualTo(InputPolicy.Kind.LONG);
        assertThat(InputPolicy.kindOf("organ")).isEqualTo(InputPolicy.Kind.SHORT);
        assertThat(InputPolicy.text("RS-VERKSAMHETSBERATTELSE-2024", "occasionId")).isNotNull();
        for (String bad : new String[]{"a/b", "å", "-x", "x y", "x".repeat(81)}) {
            assertThatThrownBy(() -> InputPolicy.text(bad, "planId")).as(bad)
                    .isInstanceOf(InputPolicy.InvalidInputException.class);
        }
        assertThat(InputPolicy.text("anna.controller@regionorebrolan.se", "subject")).isNotNull();
        assertThat(InputPolicy.text("5f0c8f6e-3b2a-4c1d-9e8f-7a6b5c4d3e2f", "who")).isNotNull();
        assertThatThrownBy(() -> InputPolicy.text("å x", "subject")).isInstanceOf(InputPolicy.InvalidInputException.class);
    }

    @Test
    void figures_dates_instants_and_years_lie_within_their_ranges() {
        assertThat(InputPolicy.figure(new BigDecimal("-2880.9"), "budget")).isEqualByComparingTo("-2880.9");
        assertThatThrownBy(() -> InputPolicy.figure(new BigDecimal("1e10000"), "budget"))
                .isInstanceOf(InputPolicy.InvalidInputException.class);
        assertThatThrownBy(() -> InputPolicy.figure(new BigDecimal("0.0000001"), "budget"))
                .isInstanceOf(InputPolicy.InvalidInputException.class);
        assertThat(InputPolicy.date(LocalDate.of(2025, 11, 25), "datum")).isNotNull();
        assertThatThrownBy(() -> InputPolicy.date(LocalDate.of(0, 1, 1), "datum"))
                .isInstanceOf(InputPolicy.InvalidInputException.class);
        assertThatThrownBy(() -> InputPolicy.instant(Instant.parse("+99999-01-01T00:00:00Z"), "asOf"))
                .isInstanceOf(InputPolicy.InvalidInputException.class);
        assertThat(InputPolicy.year(2026, "year")).isEqualTo(2026);
        assertThatThrownBy(() -> InputPolicy.year(Integer.MAX_VALUE, "year"))
                .isInstanceOf(InputPolicy.InvalidInputException.class);
    }
}
