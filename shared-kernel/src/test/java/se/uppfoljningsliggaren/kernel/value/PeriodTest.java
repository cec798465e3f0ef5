package se.uppfoljningsliggaren.kernel.value;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** What "status per" a follow-up of a period means: its last day. */
class PeriodTest {

    @ParameterizedTest(name = "{0} ends {1}")
    @CsvSource(delimiter = '|', value = {
            "2024|2024-12-31", "maj 2025|2025-05-31", "februari 2024|2024-02-29", "tertial 1 2025|2025-04-30",
            "tertial 3 2025|2025-12-31", "per 31 juli 2024|2024-07-31", "per 31 augusti 2024|2024-08-31",
            "2023–2024|2024-12-31"})
    void a_period_ends_on_its_last_day(String written, String lastDay) {
        assertThat(Period.parse(written).endDate()).isEqualTo(LocalDate.parse(lastDay));
    }
}
