package se.uppfoljningsliggaren.deploy.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import se.uppfoljningsliggaren.kernel.followup.Assessment;
import se.uppfoljningsliggaren.kernel.followup.OccasionCommands;
import se.uppfoljningsliggaren.kernel.ik.IkCommands;
import se.uppfoljningsliggaren.kernel.source.Provenance;
import se.uppfoljningsliggaren.kernel.value.Period;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads the demo plans through the write API, as the people who would enter them: the admin registers the nämnder
 * and the indikator catalogue, regionkansliet (regionstyrelsen) issues the RF uppdrag and the regionövergripande IK
 * rows, and each nämnd's controller enters its plan, follow-up and IK-plan. Every request carries an
 * Idempotency-Key made from the file and the item, so a second load (every restart) appends nothing.
 *
 * <p>Every write says where its content comes from (X-Source): the source documents are registered first
 * (sources.json); a file's writes come from the document its {@code source} names, printed, unless an item's own
 * {@code source} names its section and page, the item says what it was reconstructed from
 * ({@code reconstructedFrom}, {@code statusReconstructedFrom}, an adoption's {@code note}; a continuity statement's
 * {@code basis} or {@code reason}, since no document prints a link), or the file's {@code provenance} block says otherwise: {@code default} for the
 * whole file, {@code items} by the item's key in the file ("goal:e5-v1"; a key ending in "*" covers every key it
 * starts, the longest match winning).
 */
public class DemoDataLoader {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);
    static final String ADMIN = "admin";
    static final String REGIONSTYRELSEN = "rs.kansli";

    private final String baseUrl;
    private final Map<String, String> passwords;
    private final Map<String, RestClient> clients = new java.util.HashMap<>();
    /** The person entering the document being loaded. */
    private RestClient api;
    private final ObjectMapper json;
    private final List<String> failures = new ArrayList<>();
    private int written;
    private int replayed;
    /** The file being loaded, and the part of its items' keys that names the file. */
    private JsonNode file;
    private String filePrefix;

    /** "000 §3.2, s. 15", "004_b39a18b0a5d9f6b7.txt §6.2 Ekonomiska nyckeltal": document, section, page. */
    private static final Pattern SOURCE = Pattern.compile("(\\d{3})(?:_[0-9a-f]+\\.txt)?\\s*(§[^,]*?)?\\s*(?:,\\s*s\\.\\s*(\\d+).*)?");

    /** @param passwords the demo users' passwords, by user name */
    public DemoDataLoader(String baseUrl, ObjectMapper json, Map<String, String> passwords) {
        this.baseUrl = baseUrl;
        this.passwords = passwords;
        this.json = json;
    }

    /** The demo user who enters a nämnd's own documents: "rs.controller" for RS. */
    static String controllerOf(String namnd) {
        return namnd.toLowerCase(java.util.Locale.ROOT) + ".controller";
    }

    /** Loads what follows as this demo user. */
    private void as(String user) {
        api = clients.computeIfAbsent(user, name -> {
            if (!passwords.containsKey(name)) {
                throw new IllegalStateException("the demo user " + name + " is not configured (ledger.security.users)");
            }
            return RestClient.builder().baseUrl(baseUrl)
                    .defaultHeaders(headers -> headers.setBasicAuth(name, passwords.get(name), StandardCharsets.UTF_8))
                    .defaultHeader("X-Reason", headerValue("Demodata ur Region Örebro läns publicerade planer"))
                    .build();
        });
    }

    public record Report(int written, int replayed, List<String> failures) {
    }

    public Report load() throws IOException {
        loadSources(read(new PathMatchingResourcePatternResolver().getResource("classpath:demo/sources.json")));
        // catalogue.json first: it registers the nämnder the other catalogues' entries refer to
        for (Resource catalogue : resources("classpath:demo/catalogue*.json",
                Comparator.comparing((Resource r) -> !r.getFilename().equals("catalogue.json"))
                        .thenComparing(Resource::getFilename))) {
            loadCatalogue(read(catalogue));
        }
        for (Resource plan : resources("classpath:demo/plans/*.json", Comparator.comparing(Resource::getFilename))) {
            loadPlan(plan.getFilename(), read(plan));
        }
        List<Runnable> adoptions = new ArrayList<>();
        for (Resource followUp : resources("classpath:demo/followups/*.json",
                Comparator.comparing(Resource::getFilename))) {
            adoptions.add(loadFollowUp(read(followUp)));
        }
        // the regionövergripande rows of a year before the nämnder's plans; each nämnd's follow-up after its plan
        for (Resource ik : resources("classpath:demo/ik/*.json",
                Comparator.comparing((Resource r) -> !r.getFilename().startsWith("region-"))
                        .thenComparing(r -> r.getFilename().endsWith("-followup.json"))
                        .thenComparing(Resource::getFilename))) {
            if (ik.getFilename().endsWith("-followup.json")) {
                loadIkFollowUp(read(ik));
            } else {
                loadIkPlan(read(ik), ik.getFilename().startsWith("region-"));
            }
        }
        // a follow-up is fastställd when the whole of it is written, the IK follow-up included
        adoptions.forEach(Runnable::run);
        log.info("Demo data: {} writes, {} already loaded, {} refused", written, replayed, failures.size());
        failures.forEach(f -> log.warn("Demo data refused: {}", f));
        return new Report(written, replayed, List.copyOf(failures));
    }

    /** The documents every other write names as its source; a registration is its own source. */
    private void loadSources(JsonNode sources) {
        as(ADMIN);
        from(sources, "source:");
        for (JsonNode document : sources.path("documents")) {
            ObjectNode body = (ObjectNode) document.deepCopy();
            body.remove("file");
            send(HttpMethod.POST, "source:" + document.get("documentId").asText(), "/api/sources", body, null, null);
        }
    }

    private void loadCatalogue(JsonNode catalogue) {
        as(ADMIN);
        from(catalogue, "catalogue:");
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
        as(REGIONSTYRELSEN);
        for (JsonNode rf : uppdrag) {
            post("catalogue:rf:" + rf.get("year").asInt() + ":" + rf.get("nr").asInt(), "/api/rf-uppdrag", rf);
        }
    }

    private void loadPlan(String file, JsonNode plan) {
        String planId = plan.get("namnd").asText() + "-" + plan.get("year").asInt();
        String key = "plan:" + planId + ":";
        as(controllerOf(plan.get("namnd").asText()));
        from(plan, key);
        post(key + "create", "/api/plans", object().put("namnd", plan.get("namnd").asText())
                .put("year", plan.get("year").asInt()).put("title", text(plan, "title"))
                .set("planningYears", plan.path("planningYears")));
        String base = "/api/plans/" + planId;
        for (JsonNode goal : plan.path("goals")) {
            post(key + "goal:" + goal.get("key").asText(), goal, base + "/goals", object()
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
                post(key + "styrtal:" + styrtal.get("key").asText(), styrtal, base + "/styrtal", body);
            }
            for (JsonNode uppdrag : goal.path("uppdrag")) {
                String uppdragId = loadUppdrag(key, base, plan.get("year").asInt(), goalId, uppdrag);
                for (JsonNode aktivitet : uppdrag.path("aktiviteter")) {
                    post(key + "aktivitet:" + aktivitet.get("key").asText(), aktivitet, base + "/aktiviteter", object()
                            .put("aktivitetId", aktivitet.get("key").asText()).put("uppdragId", uppdragId)
                            .put("text", text(aktivitet, "text")));
                }
            }
            for (JsonNode aktivitet : goal.path("aktiviteter")) {
                post(key + "aktivitet:" + aktivitet.get("key").asText(), aktivitet, base + "/aktiviteter", object()
                        .put("aktivitetId", aktivitet.get("key").asText()).put("goalId", goalId)
                        .put("text", text(aktivitet, "text")));
            }
        }
        // uppdrag the document prints under no goal (Regiondirektörens uppdrag från regionstyrelsen, §1.3)
        for (JsonNode uppdrag : plan.path("uppdrag")) {
            loadUppdrag(key, base, plan.get("year").asInt(), null, uppdrag);
        }
        for (JsonNode table : plan.path("budget")) {
            String tableId = table.get("key").asText();
            post(key + "budget:" + tableId, table, base + "/budget-tables", object().put("tableId", tableId)
                    .put("kind", text(table, "kind")).put("title", text(table, "title"))
                    .<ObjectNode>set("columns", table.path("columns")).set("notes", table.get("notes")));
            for (JsonNode line : table.path("lines")) {
                // the cells as the document prints them: the ledger reads the amounts from them
                post(key + "budget:" + tableId + ":" + line.get("key").asText(), table, base + "/budget-lines", object()
                        .put("lineId", tableId + "." + line.get("key").asText()).put("tableId", tableId)
                        .put("parentLineId", line.hasNonNull("parent") ? tableId + "." + line.get("parent").asText() : null)
                        .put("label", text(line, "label")).set("printed", line.path("amounts")));
            }
        }
        loadFigureTables(key, base, plan);
        loadContinuity(key, base, plan.path("continuity"));
        adopt(key, base, plan);
        log.info("Demo plan {} from {} loaded", planId, file);
    }

    /** What the plan records of its items' identity with the year before; each entry's basis as its reason. */
    private void loadContinuity(String key, String base, JsonNode continuity) {
        for (JsonNode link : continuity.path("links")) {
            String item = link.get("kind").asText() + "/" + link.get("item").asText();
            send(HttpMethod.PUT, key + "continuity:" + item, base + "/continuity/" + item,
                    object().put("previousItemId", link.get("continues").asText()), text(link, "basis"),
                    readFrom(link, "basis"));
        }
        for (JsonNode isNew : continuity.path("new")) {
            String item = isNew.get("kind").asText() + "/" + isNew.get("item").asText();
            send(HttpMethod.PUT, key + "continuity:" + item, base + "/continuity/" + item,
                    object().put("newItem", true), text(isNew, "basis"), readFrom(isNew, "basis"));
        }
        for (JsonNode dropped : continuity.path("dropped")) {
            post(key + "continuity:dropped:" + dropped.get("kind").asText() + "/" + dropped.get("previous").asText(),
                    readFrom(dropped, "reason"), base + "/continuity/dropped", object().put("kind", dropped.get("kind").asText())
                            .put("previousItemId", dropped.get("previous").asText())
                            .put("reason", text(dropped, "reason")));
        }
    }

    /** A continuity statement is the loader's reading, in the words it gives: no document prints the link. */
    private ObjectNode readFrom(JsonNode statement, String field) {
        return object().put("reconstructedFrom", text(statement, field));
    }

    /** @return the fastställande of the follow-up, to be made once everything it covers is recorded */
    private Runnable loadFollowUp(JsonNode followUp) {
        String namnd = followUp.get("namnd").asText();
        as(controllerOf(namnd));
        int year = followUp.get("year").asInt();
        String kind = followUp.get("kind").asText();
        String occasionId = OccasionCommands.occasionId(namnd, Assessment.OccasionKind.valueOf(kind),
                Period.parse(followUp.get("period").asText()));
        String key = "followup:" + occasionId + ":";
        String base = "/api/followups/" + occasionId;
        from(followUp, key);
        post(key + "open", "/api/followups", object().put("namnd", namnd).put("kind", kind)
                .put("period", followUp.get("period").asText()));
        for (JsonNode assessment : followUp.path("assessments")) {
            String item = assessment.get("item").asText();
            String itemId = item.startsWith("RF-") ? "RF-" + year + "-" + item.substring(3) : item;
            post(key + "assess:" + item, assessment, base + "/assessments", object().put("itemId", itemId)
                    .put("colour", text(assessment, "colour")).put("notAssessedReason", text(assessment, "reason"))
                    .put("trend", text(assessment, "trend")).put("comment", text(assessment, "comment"))
                    .put("reconstructed", assessment.path("reconstructed").asBoolean(false)));
        }
        for (JsonNode indikator : followUp.path("indikatorer")) {
            ObjectNode body = object().put("styrtalId", indikator.get("styrtal").asText())
                    .put("status", text(indikator, "status")).put("comment", text(indikator, "comment"));
            if (indikator.hasNonNull("utfall")) {
                body.set("utfall", indikator.get("utfall"));
            }
            post(key + "indikator:" + indikator.get("styrtal").asText(), indikator, base + "/indikatorer", body);
        }
        for (JsonNode utfall : followUp.path("utfall")) {
            post(key + "utfall:" + utfall.get("indikator").asText() + ":" + utfall.at("/figure/period").asText(),
                    utfall, "/api/utfall", object().put("namnd", namnd).put("indikatorId", utfall.get("indikator").asText())
                            .put("planYear", year)
                            .put("source", text(utfall, "source")).put("comment", text(utfall, "comment"))
                            .<ObjectNode>set("figure", utfall.get("figure")).set("breakdowns", utfall.path("breakdowns")));
        }
        JsonNode resultat = followUp.path("resultatrapport");
        if (!resultat.isMissingNode()) {
            var lines = json.createArrayNode();
            for (JsonNode line : resultat.path("lines")) {
                ObjectNode printed = object();
                for (String[] amount : new String[][]{{"utfall", "utfall"}, {"budget", "budget"},
                        {"utfallPrev", "utfallPreviousYear"}, {"prognos", "prognos"},
                        {"printedAvvikelse", "budgetavvikelse"}, {"printedForandring", "forandring"}}) {
                    if (line.hasNonNull(amount[0])) {
                        printed.set(amount[1], line.get(amount[0]));
                    }
                }
                lines.addObject().put("lineId", line.get("key").asText()).put("parentLineId", text(line, "parent"))
                        .put("label", text(line, "label")).set("printed", printed);
            }
            post(key + "resultatrapport", resultat, base + "/resultatrapport", object().put("title", text(resultat, "title"))
                    .put("budgetVersion", text(resultat, "budgetVersion")).set("lines", lines));
        }
        loadFigureTables(key, base, followUp);
        log.info("Demo follow-up {} loaded", occasionId);
        return () -> {
            as(controllerOf(namnd));
            from(followUp, key);
            adopt(key, base, followUp);
        };
    }

    /** A plan's or a follow-up's tables of figures, each as a whole under its key (cells as printed). */
    private void loadFigureTables(String key, String base, JsonNode document) {
        for (JsonNode table : document.path("figureTables")) {
            ObjectNode body = (ObjectNode) table.deepCopy();
            body.remove("key");
            body.remove("source");
            send(HttpMethod.PUT, key + "figure-table:" + table.get("key").asText(),
                    base + "/figure-tables/" + table.get("key").asText(), body, null, table);
        }
    }

    private void loadIkPlan(JsonNode plan, boolean regionovergripande) {
        String namnd = regionovergripande ? null : plan.get("namnd").asText();
        as(regionovergripande ? REGIONSTYRELSEN : controllerOf(namnd));
        int year = plan.get("year").asInt();
        String ikPlanId = IkCommands.ikPlanId(namnd, year);
        String key = "ik:" + ikPlanId + ":";
        String base = "/api/ik-plans/" + ikPlanId;
        from(plan, key);
        post(key + "create", "/api/ik-plans", regionovergripande
                ? object().put("regionovergripande", true).put("year", year)
                : object().put("namnd", namnd).put("year", year));
        for (JsonNode risk : plan.path("risks")) {
            String riskId = risk.get("key").asText();
            ObjectNode body = object().put("riskId", riskId).put("verksamhet", text(risk, "verksamhet"))
                    .put("text", text(risk, "text"));
            if (risk.hasNonNull("krav")) {
                body.set("krav", risk.get("krav"));
            }
            if (risk.hasNonNull("riskvardering")) {
                body.set("riskvardering", risk.get("riskvardering"));
            }
            post(key + "risk:" + riskId, risk, base + "/risks", body);
            for (JsonNode atgard : risk.path("atgarder")) {
                post(key + "atgard:" + atgard.get("key").asText(), atgard, base + "/atgarder",
                        atgard(atgard).put("riskId", riskId));
            }
        }
        for (JsonNode atgard : plan.path("regionRiskAtgarder")) {
            post(key + "atgard:" + atgard.get("key").asText(), atgard, base + "/atgarder",
                    atgard(atgard).put("riskId", text(atgard, "regionRisk")).put("regionRisk", true));
        }
        adopt(key, base, plan);
        log.info("Demo IK-plan {} loaded", ikPlanId);
    }

    private ObjectNode atgard(JsonNode atgard) {
        return object().put("atgardId", atgard.get("key").asText()).put("text", text(atgard, "text"))
                .put("utforare", text(atgard, "utforare")).put("rapporteras", text(atgard, "rapporteras"))
                .put("tidplan", text(atgard, "tidplan"));
    }

    private void loadIkFollowUp(JsonNode followUp) {
        String namnd = followUp.get("namnd").asText();
        as(controllerOf(namnd));
        int year = followUp.get("year").asInt();
        String occasionId = OccasionCommands.occasionId(namnd,
                Assessment.OccasionKind.valueOf(followUp.get("occasion").asText()), Period.ofYear(year));
        String base = "/api/ik-plans/" + IkCommands.ikPlanId(namnd, year) + "/atgarder/";
        String key = "ik-followup:" + occasionId + ":";
        from(followUp, key);
        for (JsonNode atgard : followUp.path("atgarder")) {
            String atgardId = atgard.get("atgard").asText();
            boolean region = atgard.path("region").asBoolean(false);
            String atgardKey = key + (region ? "region:" : "") + atgardId;
            String reason = atgard.hasNonNull("statusReconstructedFrom")
                    ? "Demodata: status läst ur kommentaren (statusikonerna föll bort i texten): "
                    + atgard.get("statusReconstructedFrom").asText() : null;
            send(HttpMethod.POST, atgardKey + ":status", base + atgardId + "/status", object().put("regionovergripande", region)
                    .put("status", text(atgard, "status")).put("datum", text(atgard, "datum"))
                    .put("reportedIn", atgard.hasNonNull("datum") ? null : occasionId)
                    .put("comment", text(atgard, "statusComment")), reason, atgard);
            JsonNode effekt = atgard.path("effekt");
            post(atgardKey + ":effect", effekt, base + atgardId + "/effect", object().put("regionovergripande", region)
                    .put("occasionId", occasionId).put("svar", text(effekt, "svar"))
                    .put("comment", text(effekt, "comment")));
        }
        JsonNode isk = followUp.path("isk");
        if (!isk.isMissingNode()) {
            ObjectNode body = object().put("namnd", namnd).put("year", year)
                    .put("tillracklig", isk.get("tillracklig").asBoolean()).put("motivation", text(isk, "motivation"));
            if (isk.hasNonNull("krav")) {
                body.set("krav", isk.get("krav"));
            }
            post(key + "isk", isk, "/api/isk-bedomningar", body);
            adopt(key + "isk:", "/api/isk-bedomningar/" + IkCommands.iskId(namnd, year), isk);
        }
        log.info("Demo IK follow-up {} loaded", occasionId);
    }

    /** Fastställ by the document's beslut, if it gives one ("note" says what was reconstructed; not part of it). */
    private void adopt(String key, String base, JsonNode document) {
        if (document.hasNonNull("adoption")) {
            ObjectNode beslut = (ObjectNode) document.get("adoption").deepCopy();
            beslut.remove("note");
            post(key + "adoption", document.get("adoption"), base + "/adoption", object().set("beslut", beslut));
        }
    }

    private static Resource[] resources(String pattern, Comparator<Resource> order) throws IOException {
        Resource[] found = new PathMatchingResourcePatternResolver().getResources(pattern);
        Arrays.sort(found, order);
        return found;
    }

    private String loadUppdrag(String key, String base, int year, String goalId, JsonNode uppdrag) {
        if ("RF".equals(text(uppdrag, "source"))) {
            int nr = uppdrag.get("rfNr").asInt();
            post(key + "rf:" + nr, uppdrag, base + "/rf-uppdrag", object().put("year", year).put("nr", nr).put("goalId", goalId));
            return "RF-" + year + "-" + nr;
        }
        String uppdragId = uppdrag.get("key").asText();
        post(key + "uppdrag:" + uppdragId, uppdrag, base + "/uppdrag", object().put("uppdragId", uppdragId).put("goalId", goalId)
                .put("source", text(uppdrag, "source")).put("numbering", text(uppdrag, "numbering"))
                .put("text", text(uppdrag, "text")).put("assignee", text(uppdrag, "assignee")));
        return uppdragId;
    }

    private void post(String idempotencyKey, String path, JsonNode body) {
        send(HttpMethod.POST, idempotencyKey, path, body, null, null);
    }

    /** @param item the item of the file the write enters (its own source and what it was reconstructed from) */
    private void post(String idempotencyKey, JsonNode item, String path, JsonNode body) {
        send(HttpMethod.POST, idempotencyKey, path, body, null, item);
    }

    /**
     * @param reason why, beyond the loader's general reason; kept in the events' metadata
     * @param item   the item of the file the write enters, or null
     */
    private void send(HttpMethod method, String idempotencyKey, String path, JsonNode body, String reason,
                      JsonNode item) {
        try {
            var request = api.method(method).uri(path).contentType(MediaType.APPLICATION_JSON)
                    .header("Idempotency-Key", "demo:" + idempotencyKey.replace(' ', '_'));
            if (reason != null) {
                request.header("X-Reason", headerValue(reason));
            }
            Provenance source = provenance(idempotencyKey, item);
            if (source != null) {
                request.header(Provenance.HEADER, source.header());
            }
            var response = request.body(body).retrieve().toBodilessEntity();
            if (response.getHeaders().containsKey("Idempotent-Replayed")) {
                replayed++;
            } else {
                written++;
            }
        } catch (HttpClientErrorException e) {
            if (e.getStatusCode() == HttpStatus.CONFLICT && e.getResponseBodyAsString().contains("\"field\":\"id\"")) {
                replayed++; // recorded before by other means (another client); what it holds is loaded where missing
                return;
            }
            failures.add(idempotencyKey + " → " + e.getStatusCode().value() + " " + e.getResponseBodyAsString());
        }
    }

    /** The file whose items are loaded next; prefix: the start of their keys ("plan:RS-2026:"). */
    private void from(JsonNode file, String prefix) {
        this.file = file;
        this.filePrefix = prefix;
    }

    /**
     * Where a write's content comes from: the file's source, the item's, what the item says it was reconstructed
     * from, and the file's provenance block, each over the one before. None for a source document's registration.
     */
    private Provenance provenance(String key, JsonNode item) {
        if (key.startsWith("source:")) {
            return null;
        }
        ObjectNode source = object();
        cite(source, text(file, "source"));
        override(source, file.at("/provenance/default"));
        if (item != null) {
            cite(source, text(item, "source"));
            String words = firstText(item, "reconstructedFrom", "statusReconstructedFrom", "note");
            if (words != null) {
                source.put("basis", Provenance.Basis.RECONSTRUCTED.name()).put("words", words);
            }
        }
        override(source, itemOverride(key.substring(filePrefix.length())));
        Provenance.Basis basis = Provenance.Basis.valueOf(source.path("basis").asText("PRINTED"));
        return new Provenance(text(source, "document"), text(source, "section"),
                source.hasNonNull("page") ? source.get("page").asInt() : null, basis,
                basis == Provenance.Basis.DERIVED ? text(source, "rule") : null,
                basis == Provenance.Basis.RECONSTRUCTED ? text(source, "words") : null);
    }

    /** A "source" as the demo files write it names a document, and perhaps a section and a page. */
    private static void cite(ObjectNode source, String cited) {
        Matcher m = cited == null ? null : SOURCE.matcher(cited.strip());
        if (m == null || !m.matches()) {
            return; // an uppdrag's source (RF, NAMND) is who gave it, no document
        }
        if (!m.group(1).equals(text(source, "document"))) {
            source.remove(List.of("section", "page"));
        }
        source.put("document", m.group(1));
        if (m.group(2) != null) {
            source.put("section", m.group(2).strip());
        }
        if (m.group(3) != null) {
            source.put("page", Integer.parseInt(m.group(3)));
        }
    }

    private static void override(ObjectNode source, JsonNode override) {
        if (override.isObject()) {
            source.setAll((ObjectNode) override);
        }
    }

    /** The file's provenance for one item key: the exact key, else the longest "prefix*" that covers it. */
    private JsonNode itemOverride(String itemKey) {
        JsonNode items = file.at("/provenance/items");
        if (items.has(itemKey)) {
            return items.get(itemKey);
        }
        JsonNode best = json.missingNode();
        int longest = -1;
        for (Iterator<Map.Entry<String, JsonNode>> it = items.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String pattern = entry.getKey();
            if (pattern.endsWith("*") && itemKey.startsWith(pattern.substring(0, pattern.length() - 1))
                    && pattern.length() > longest) {
                best = entry.getValue();
                longest = pattern.length();
            }
        }
        return best;
    }

    private static String firstText(JsonNode node, String... fields) {
        for (String field : fields) {
            if (node.hasNonNull(field) && node.get(field).isTextual()) {
                return node.get(field).asText();
            }
        }
        return null;
    }

    /** Percent-encoded UTF-8, as the write API takes a reason beyond ASCII. */
    private static String headerValue(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
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
