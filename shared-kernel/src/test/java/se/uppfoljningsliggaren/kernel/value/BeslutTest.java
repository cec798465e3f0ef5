package se.uppfoljningsliggaren.kernel.value;

import org.junit.jupiter.api.Test;
import se.uppfoljningsliggaren.kernel.value.Beslut.Field;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BeslutTest {

    @Test
    void a_part_the_source_does_not_print_is_unknown_not_invented() {
        Beslut beslut = new Beslut("Regionstyrelsen", null, null, null,
                List.of(Field.DIARIENUMMER, Field.DATUM, Field.PARAGRAF, Field.DATUM));
        assertThat(beslut.datum()).isNull();
        assertThat(beslut.notGivenInSource()).containsExactly(Field.DATUM, Field.PARAGRAF, Field.DIARIENUMMER);
        assertThat(beslut.toString()).contains("datum ej angivet i källan");
    }

    @Test
    void a_missing_part_must_be_declared_not_given_and_a_given_part_cannot_be() {
        assertThatThrownBy(() -> new Beslut("RS", null, "§ 1", "25RS1")).hasMessageContaining("datum");
        assertThatThrownBy(() -> new Beslut("RS", LocalDate.of(2025, 12, 10), " ", "25RS1"))
                .hasMessageContaining("paragraf");
        assertThatThrownBy(() -> new Beslut("RS", LocalDate.of(2025, 12, 10), "§ 1", "25RS1",
                List.of(Field.DIARIENUMMER))).hasMessageContaining("notGivenInSource names it");
        assertThatThrownBy(() -> new Beslut(" ", LocalDate.of(2025, 12, 10), "§ 1", "25RS1"))
                .hasMessageContaining("organ");
    }

    @Test
    void the_order_of_two_beslut_is_known_only_when_both_dates_are() {
        Beslut earlier = new Beslut("RS", LocalDate.of(2025, 1, 1), "§ 1", "1");
        Beslut later = new Beslut("RS", LocalDate.of(2025, 6, 1), "§ 2", "2");
        Beslut undated = new Beslut("RS", null, "§ 3", "3", List.of(Field.DATUM));
        assertThat(earlier.knownBefore(later)).isTrue();
        assertThat(later.knownBefore(earlier)).isFalse();
        assertThat(undated.knownBefore(later)).isFalse();
        assertThat(earlier.knownBefore(undated)).isFalse();
    }
}
