package se.uppfoljningsliggaren.deploy.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import se.uppfoljningsliggaren.kernel.value.VardeParser;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Loads the demo plans through the write API, as a user's client would. Every request carries an Idempotency-Key
 * made from the file and the item, so a second load (every restart) appends nothing.
 */
public class DemoDataLoader {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);
    static final String PRINCIPAL = "demo-data-loader";

    private final RestClient api;
    private final ObjectMapper json;
    private final List<String> failures = new ArrayList<>();
    private int written;
    private int replayed;

    public DemoDataLoader(String baseUrl, ObjectMapper json) {
        this.api = RestClient.builder().baseUrl(baseUrl)
                .defaultHeader("X-Principal", PRINCIPAL)
                .defaultHeader("X-Reason", "Demodata ur Region Örebro läns publicerade planer")
                .build();
        this.json = json;
    }

    public record Report(int written, int replayed, List<String> failures) {
    }

    public Report load() throws IOException {
        loadCatalogue(read(new PathMatchingResourcePatternResolver().getResource("classpath:demo/catalogue.json")));
        Resource[] plans = new PathMatchingResourcePatternResolver().getResources("classpath:demo/plans/*.json");
        Arrays.sort(plans, Comparator.comparing(Resource::getFilename));
        for (Resource plan : plans) {
            loadPlan(plan.getFilename(), read(plan));
        }
        log.info("Demo data: {} writes, {} already loaded, {} refused", written, replayed, failures.size());
        failures.forEach(f -> log.warn("Demo data refused: {}", f));
        return new Report(written, replayed, List.copyOf(failures));
    }

    private void loadCatalogue(JsonNode catalogue) {
        for (JsonNode namnd : catalogue.path("namnder")) {
            post("catalogue:namnd:" + namnd.get("code").asText(), "/api/namnder", namnd);
        }
        for (JsonNode indikator : catalogue.path("indikatorer")) {
            post("catalogue:indikator:" + indikator.get("id").asText(), "/api/indikatorer", object()
                    .put("indikatorId", indikator.get("id").asText()).put("name", text(indikator, "name"))
                    .put("unit", text(indikator, "unit")).put("description", text(indikator, "description")));
        }
        List<JsonNode> uppdrag = new ArrayList<>();
        catalogue.path("rfUppdrag").forEach(uppdrag::add);
        uppdrag.sort(Comparator.comparingInt((JsonNode u) -> u.get("year").asInt()).thenComparingInt(u -> u.get("nr").asInt()));
        for (JsonNode rf : uppdrag) {
            post("catalogue:rf:" + rf.get("year").asInt() + ":" + rf.get("nr").asInt(), "/api/rf-uppdrag", rf);
        }
    }

    private void loadPlan(String file, JsonNode plan) {
        String planId = plan.get("namnd").asText() + "-" + plan.get("year").asInt();
        String key = "plan:" + planId + ":";
        post(key + "create", "/api/plans", object().put("namnd", plan.get("namnd").asText())
                .put("year", plan.get("year").asInt()).put("title", text(plan, "title"))
                .set("planningYears", plan.path("planningYears")));
        String base = "/api/plans/" + planId;
        for (JsonNode goal : plan.path("goals")) {
            post(key + "goal:" + goal.get("key").asText(), base + "/goals", object()
                    .put("goalId", goal.get("key").asText()).put("parentGoalId", text(goal, "parent"))
                    .put("kind", text(goal, "kind")).put("origin", text(goal, "origin"))
                    .put("numbering", text(goal, "numbering")).put("title", text(goal, "title"))
                    .put("description", text(goal, "description")));
        }
        for (JsonNode goal : plan.path("goals")) {
            String goalId = goal.get("key").asText();
            for (JsonNode styrtal : goal.path("styrtal")) {
                ObjectNode body = ((ObjectNode) styrtal.deepCopy());
                body.remove("key");
                body.remove("indikator");
                body.remove("source");
                body.put("styrtalId", styrtal.get("key").asText()).put("goalId", goalId)
                        .put("indikatorId", styrtal.get("indikator").asText());
                post(key + "styrtal:" + styrtal.get("key").asText(), base + "/styrtal", body);
            }
            for (JsonNode uppdrag : goal.path("uppdrag")) {
                String uppdragId = loadUppdrag(key, base, plan.get("year").asInt(), goalId, uppdrag);
                for (JsonNode aktivitet : uppdrag.path("aktiviteter")) {
                    post(key + "aktivitet:" + aktivitet.get("key").asText(), base + "/aktiviteter", object()
                            .put("aktivitetId", aktivitet.get("key").asText()).put("uppdragId", uppdragId)
                            .put("text", text(aktivitet, "text")));
                }
            }
            for (JsonNode aktivitet : goal.path("aktiviteter")) {
                post(key + "aktivitet:" + aktivitet.get("key").asText(), base + "/aktiviteter", object()
                        .put("aktivitetId", aktivitet.get("key").asText()).put("goalId", goalId)
                        .put("text", text(aktivitet, "text")));
            }
        }
        for (JsonNode table : plan.path("budget")) {
            String tableId = table.get("key").asText();
            post(key + "budget:" + tableId, base + "/budget-tables", object().put("tableId", tableId)
                    .put("kind", text(table, "kind")).put("title", text(table, "title"))
                    .set("columns", table.path("columns")));
            for (JsonNode line : table.path("lines")) {
                ObjectNode amounts = object();
                for (Iterator<Map.Entry<String, JsonNode>> cells = line.path("amounts").fields(); cells.hasNext(); ) {
                    Map.Entry<String, JsonNode> cell = cells.next();
                    amounts.put(cell.getKey(), mnkr(cell.getValue().asText()));
                }
                post(key + "budget:" + tableId + ":" + line.get("key").asText(), base + "/budget-lines", object()
                        .put("lineId", tableId + "." + line.get("key").asText()).put("tableId", tableId)
                        .put("parentLineId", line.hasNonNull("parent") ? tableId + "." + line.get("parent").asText() : null)
                        .put("label", text(line, "label")).set("amounts", amounts));
            }
        }
        if (plan.hasNonNull("adoption")) {
            ObjectNode beslut = (ObjectNode) plan.get("adoption").deepCopy();
            beslut.remove("note");
            post(key + "adoption", base + "/adoption", object().set("beslut", beslut));
        }
        log.info("Demo plan {} from {} loaded", planId, file);
    }

    private String loadUppdrag(String key, String base, int year, String goalId, JsonNode uppdrag) {
        if ("RF".equals(text(uppdrag, "source"))) {
            int nr = uppdrag.get("rfNr").asInt();
            post(key + "rf:" + nr, base + "/rf-uppdrag", object().put("year", year).put("nr", nr).put("goalId", goalId));
            return "RF-" + year + "-" + nr;
        }
        String uppdragId = uppdrag.get("key").asText();
        post(key + "uppdrag:" + uppdragId, base + "/uppdrag", object().put("uppdragId", uppdragId).put("goalId", goalId)
                .put("source", text(uppdrag, "source")).put("numbering", text(uppdrag, "numbering"))
                .put("text", text(uppdrag, "text")).put("assignee", text(uppdrag, "assignee"))
                .put("continuesFrom", uppdrag.hasNonNull("continuesFromKey") ? text(uppdrag, "continuesFromKey")
                        : uppdrag.hasNonNull("continuesFrom") ? "RF-" + uppdrag.get("continuesFrom").get("year").asInt()
                        + "-" + uppdrag.get("continuesFrom").get("nr").asInt() : null));
        return uppdragId;
    }

    private void post(String idempotencyKey, String path, JsonNode body) {
        try {
            var response = api.post().uri(path).contentType(MediaType.APPLICATION_JSON)
                    .header("Idempotency-Key", "demo:" + idempotencyKey).body(body).retrieve().toBodilessEntity();
            if (response.getHeaders().containsKey("Idempotent-Replayed")) {
                replayed++;
            } else {
                written++;
            }
        } catch (HttpClientErrorException e) {
            if (e.getStatusCode() == HttpStatus.CONFLICT && path.equals("/api/plans")) {
                replayed++; // the plan was entered by other means; its items are still loaded where missing
                return;
            }
            failures.add(idempotencyKey + " → " + e.getStatusCode().value() + " " + e.getResponseBodyAsString());
        }
    }

    /** Printed mnkr: "-2 880,9", "−15,0", "0". */
    private static BigDecimal mnkr(String printed) {
        String text = printed.strip().replace('\u2212', '-');
        boolean negative = text.startsWith("-");
        BigDecimal amount = VardeParser.number(negative ? text.substring(1).strip() : text);
        return negative ? amount.negate() : amount;
    }

    private ObjectNode object() {
        return json.createObjectNode();
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private JsonNode read(Resource resource) throws IOException {
        try (InputStream in = resource.getInputStream()) {
            return json.readTree(in);
        }
    }
}
