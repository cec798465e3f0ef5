package se.uppfoljningsliggaren.query.audit;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SectionOrderTest {

    @Test
    void sections_are_ordered_as_a_document_numbers_them() {
        List<String> sections = new ArrayList<>(List.of("§6.1 Internkontrollplan", "§4.10", "§4.3", "§4.2 Budget 2025",
                "§1.3 Regiondirektörens uppdrag från regionstyrelsen", "§4", "Styrtal", "3.1 Målsättning 1"));
        sections.sort(SourceQueryHandler::bySectionNumber);
        assertThat(sections).containsExactly("3.1 Målsättning 1", "Styrtal", "§1.3 Regiondirektörens uppdrag från "
                + "regionstyrelsen", "§4", "§4.2 Budget 2025", "§4.3", "§4.10", "§6.1 Internkontrollplan");
    }

    @Test
    void digits_of_other_scripts_are_text_so_the_order_stays_consistent() {
        List<String> sections = new ArrayList<>(List.of("\u0661a", "A", "5"));
        sections.sort(SourceQueryHandler::bySectionNumber);
        assertThat(sections).containsExactly("5", "A", "\u0661a");
    }
}
