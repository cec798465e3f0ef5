package se.uppfoljningsliggaren.kernel.source;

import org.junit.jupiter.api.Test;
import se.uppfoljningsliggaren.kernel.source.Provenance.Basis;
import se.uppfoljningsliggaren.kernel.value.InputPolicy;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProvenanceTest {

    @Test
    void a_printed_styrtal_names_its_document_section_and_page_in_percent_encoded_utf8() {
        Provenance source = Provenance.parse("document=000; section=M%C3%A5l%20och%20styrtal; page=12; basis=PRINTED");
        assertThat(source).isEqualTo(Provenance.printed("000", "Mål och styrtal", 12));
    }

    @Test
    void a_derived_fact_names_its_rule_and_a_reconstructed_one_the_words_it_was_read_from() {
        Provenance derived = Provenance.parse("document=001; basis=derived; rule=f%C3%A4rg%20ur%20ledgerns%20regel");
        assertThat(derived.basis()).isEqualTo(Basis.DERIVED);
        assertThat(derived.rule()).isEqualTo("färg ur ledgerns regel");
        Provenance reconstructed = Provenance.parse(
                "document=001;section=3.2;basis=RECONSTRUCTED;words=%22Arbetet%20p%C3%A5g%C3%A5r%22%3B%20delvis");
        assertThat(reconstructed.words()).isEqualTo("\"Arbetet pågår\"; delvis");
        assertThat(reconstructed.page()).isNull();
    }

    @Test
    void the_header_form_and_the_metadata_keys_read_back_as_the_same_provenance() {
        Provenance source = new Provenance("002", "3.1 Målsättning 1; styrtal", 15, Basis.RECONSTRUCTED, null,
                "Målvärde = 100 % (OCR: \"1OO %\")");
        assertThat(Provenance.parse(source.header())).isEqualTo(source);
        Map<String, String> metadata = source.metadata();
        assertThat(metadata).containsEntry("sourceDocument", "002").containsEntry("sourcePage", "15")
                .containsEntry("sourceBasis", "RECONSTRUCTED").doesNotContainKey("sourceRule");
        assertThat(Provenance.of(metadata)).isEqualTo(source);
    }

    @Test
    void an_event_without_the_keys_has_no_provenance_given() {
        assertThat(Provenance.of(Map.of("principal", "rs.controller"))).isNull();
        assertThat(Provenance.parse(null)).isNull();
    }

    @Test
    void a_malformed_header_is_refused_naming_the_header_and_what_is_wrong() {
        assertRefused("document=000; page=12", "basis");
        assertRefused("section=3.2; basis=PRINTED", "document");
        assertRefused("document=000; basis=GUESSED", "PRINTED, DERIVED or RECONSTRUCTED");
        assertRefused("document=000; basis=DERIVED", "rule");
        assertRefused("document=000; basis=RECONSTRUCTED", "words");
        assertRefused("document=000; basis=PRINTED; words=nej", "words only");
        assertRefused("document=000; basis=PRINTED; rule=nej", "rule only");
        assertRefused("document=000; basis=PRINTED; page=tolv", "page");
        assertRefused("document=000; basis=PRINTED; page=0", "page");
        assertRefused("document=000; basis=PRINTED; basis=DERIVED", "once");
        assertRefused("document=000; basis=PRINTED; author=x", "not \"author\"");
        assertRefused("document=000; basis=PRINTED; sida", "no \"=\"");
        assertRefused("document=000; basis=PRINTED; section=%E2%28", "percent-encoded");
        assertRefused("document=000; basis=PRINTED; section=a%0Ab", "control character");
        assertRefused("document=0 0 0; basis=PRINTED", "document");
    }

    private static void assertRefused(String header, String reason) {
        assertThatThrownBy(() -> Provenance.parse(header)).isInstanceOfSatisfying(
                InputPolicy.InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("X-Source");
                    assertThat(e.getMessage()).contains(reason);
                });
    }
}
