package se.uppfoljningsliggaren.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.uppfoljningsliggaren.deploy.demo.DemoDataLoader;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo plans load through the write API without a single refusal, and a second load appends nothing. */
class DemoDataIT extends LedgerIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void the_demo_plans_load_once_and_show_the_printed_figures() throws Exception {
        DemoDataLoader.Report first = new DemoDataLoader("http://localhost:" + port, json).load();
        assertThat(first.failures()).isEmpty();
        assertThat(first.written()).isGreaterThan(100);

        long events = eventCount();
        DemoDataLoader.Report second = new DemoDataLoader("http://localhost:" + port, json).load();
        assertThat(second.failures()).isEmpty();
        assertThat(second.written()).isZero();
        assertThat(eventCount()).isEqualTo(events);

        JsonNode plan = awaitFastställd("RS-2026");
        List<JsonNode> styrtal = new ArrayList<>();
        plan.get("goals").forEach(goal -> goal.get("styrtal").forEach(styrtal::add));

        JsonNode telefon = styrtal.stream().filter(s -> s.get("text").asText().startsWith("Telefontillgängligheten"))
                .findFirst().orElseThrow();
        assertThat(telefon.at("/senastKanda/value/written").asText()).isEqualTo("82 %");
        assertThat(telefon.at("/senastKanda/period/label").asText()).isEqualTo("maj 2025");
        assertThat(telefon.at("/arsMalvarde/written").asText()).isEqualTo("90 %");
        assertThat(telefon.at("/langsiktigtMalvarde/written").asText()).isEqualTo("95 %");

        JsonNode hme = styrtal.stream().filter(s -> s.get("text").asText().contains("HME")).findFirst().orElseThrow();
        assertThat(hme.at("/arsMalvarde/written").asText()).isEqualTo("77–80");
        assertThat(hme.at("/arsMalvarde/form").asText()).isEqualTo("INTERVAL");
        assertThat(hme.get("breakdowns").findValuesAsText("label")).contains("Regionkansliet", "Region Örebro län");

        JsonNode usage = get("/api/indikatorer/" + telefon.get("indikatorId").asText());
        assertThat(usage.get("uses").findValuesAsText("planId")).contains("RS-2025", "RS-2026");
    }

    private JsonNode awaitFastställd(String planId) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            var response = http.getForEntity("/api/plans/" + planId, JsonNode.class);
            if (response.getStatusCode().is2xxSuccessful() && "FASTSTALLD".equals(response.getBody().get("status").asText())) {
                return response.getBody();
            }
            Thread.sleep(100);
        }
        throw new AssertionError(planId + " was not fastställd in the read side");
    }
}
