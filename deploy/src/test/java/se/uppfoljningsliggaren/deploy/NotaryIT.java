package se.uppfoljningsliggaren.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.uppfoljningsliggaren.deploy.notary.VerifyBundle;
import se.uppfoljningsliggaren.deploy.notary.VerifyLedger;
import se.uppfoljningsliggaren.kernel.notary.Checkpoint;
import se.uppfoljningsliggaren.kernel.notary.MerkleTree;
import se.uppfoljningsliggaren.query.notary.NotaryLeaves;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The notary seals the store, signs checkpoints, proves inclusion and consistency (checked here, client-side), and
 * its verification — the endpoint and the tool — names the event a tampering changed, deleted, moved or stored
 * twice; an audit export bundle verifies offline, and a byte changed in it names its event. Its own context (and
 * database), because it tampers with the store; closed after the class, so no later test shares it.
 */
@DirtiesContext
@TestPropertySource(properties = "ledger.notary.gap-timeout=1s")
class NotaryIT extends LedgerIntegrationTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void checkpoints_and_proofs_verify_and_every_tampering_is_named() throws Exception {
        givenPlan("NOTA", 2026);
        JsonNode first = checkpointOfHead();
        long m = first.get("treeSize").asLong();
        ok(post("/api/plans/NOTA-2026/goals", """
                {"goalId": "g1", "kind": "MALSATTNING", "origin": "RF", "numbering": "1", "title": "Ett"}"""));
        ok(post("/api/plans/NOTA-2026/goals", """
                {"goalId": "g2", "kind": "MALSATTNING", "origin": "RF", "numbering": "2", "title": "Två"}"""));
        JsonNode second = checkpointOfHead();
        long n = second.get("treeSize").asLong();
        assertThat(n).isGreaterThan(m);

        // Signed checkpoints, exported and listed latest first.
        assertThat(get("/api/notary/checkpoints/" + n)).isEqualTo(second);
        assertThat(get("/api/notary/checkpoints?limit=1").get("checkpoints").get(0)).isEqualTo(second);
        assertThat(get("/api/notary/checkpoints?limit=1").get("next").asLong()).isEqualTo(n);
        assertThat(signed(second)).isTrue();
        assertThat(http.getForEntity("/api/notary/checkpoints/" + (n + 1000), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        // Inclusion of the plan's first event, from its stored row.
        long position = jdbc.queryForObject("SELECT global_index FROM domain_event_entry "
                + "WHERE aggregate_identifier = 'NOTA-2026' AND sequence_number = 0", Long.class);
        JsonNode inclusion = get("/api/notary/proofs/inclusion?position=" + position + "&treeSize=" + n);
        byte[] leaf = jdbc.queryForObject("SELECT " + NotaryLeaves.EVENT_COLUMNS
                + " FROM domain_event_entry WHERE global_index = ?", (rs, row) -> NotaryLeaves.event(rs), position)
                .leafHash();
        assertThat(inclusion.get("leafHash").asText()).isEqualTo(b64(leaf));
        assertThat(MerkleTree.verifyInclusion(position - 1, n, leaf, hashes(inclusion.get("auditPath")),
                root(second))).isTrue();
        // Consistency of the first checkpoint with the second.
        JsonNode consistency = get("/api/notary/proofs/consistency?first=" + m + "&second=" + n);
        assertThat(MerkleTree.verifyConsistency(m, n, hashes(consistency.get("proof")), root(first), root(second)))
                .isTrue();
        assertThat(http.getForEntity("/api/notary/proofs/inclusion?position=1&treeSize=" + (n + 1000),
                JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(http.getForEntity("/api/notary/proofs/consistency?first=0&second=" + n, JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        Path exported = Files.createTempFile("checkpoint", ".json");
        Files.writeString(exported, json.writeValueAsString(second));
        assertThat(verify().get("ok").asBoolean()).isTrue();
        assertThat(tool(exported)).startsWith("0").contains("the store matches its root");

        // (a) one event's payload changed
        long changed = eventOf("NOTA-2026", 1);
        byte[] payload = payload(changed);
        tampered(() -> jdbc.update("UPDATE domain_event_entry SET payload = ? WHERE global_index = ?",
                "{\"goalId\":\"forged\"}".getBytes(StandardCharsets.UTF_8), changed), () -> setPayload(changed, payload),
                () -> {
                    assertDifference("CHANGED", changed, "NOTA-2026", 1);
                    assertThat(tool(exported)).startsWith("1").contains("CHANGED at global index " + changed
                            + " (aggregate NOTA-2026, sequence 1)");
                });

        // (b) one event row deleted
        long deleted = eventOf("NOTA-2026", 2);
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM domain_event_entry WHERE global_index = ?", deleted);
        tampered(() -> jdbc.update("DELETE FROM domain_event_entry WHERE global_index = ?", deleted),
                () -> reinsert(row), () -> {
                    assertDifference("MISSING", deleted, "NOTA-2026", 2);
                    assertThat(tool(exported)).startsWith("1").contains("MISSING at global index " + deleted);
                });

        // (c) two rows' payloads swapped: the first of them is named
        long a = eventOf("NOTA-2026", 1);
        long b = eventOf("NOTA-2026", 2);
        byte[] payloadA = payload(a);
        byte[] payloadB = payload(b);
        tampered(() -> {
            setPayload(a, payloadB);
            setPayload(b, payloadA);
        }, () -> {
            setPayload(a, payloadA);
            setPayload(b, payloadB);
        }, () -> assertDifference("CHANGED", a, "NOTA-2026", 1));

        // (d) a second row under one global index (its primary key dropped): named, whichever row made the leaf
        long duplicated = eventOf("NOTA-2026", 1);
        Map<String, Object> copy = new java.util.HashMap<>(jdbc.queryForMap(
                "SELECT * FROM domain_event_entry WHERE global_index = ?", duplicated));
        copy.put("event_identifier", "duplicate");
        copy.put("sequence_number", 97L);
        tampered(() -> {
            jdbc.execute("ALTER TABLE domain_event_entry DROP CONSTRAINT domain_event_entry_pkey");
            reinsert(copy);
        }, () -> {
            jdbc.update("DELETE FROM domain_event_entry WHERE event_identifier = 'duplicate'");
            jdbc.execute("ALTER TABLE domain_event_entry ADD CONSTRAINT domain_event_entry_pkey "
                    + "PRIMARY KEY (global_index)");
        }, () -> {
            JsonNode report = verify();
            assertThat(report.get("ok").asBoolean()).isFalse();
            assertThat(report.at("/firstDifference/problem").asText()).isEqualTo("DUPLICATE");
            assertThat(report.at("/firstDifference/globalIndex").asLong()).isEqualTo(duplicated);
            assertThat(tool(exported)).startsWith("1").contains("DUPLICATE at global index " + duplicated);
        });

        assertThat(verify().get("ok").asBoolean()).as("restored").isTrue();
        assertThat(tool(exported)).startsWith("0");
    }

    @Test
    void a_global_index_that_never_commits_is_waited_for_then_sealed_as_such() throws Exception {
        givenPlan("NOTB", 2026);
        // A rolled-back append leaves its global index unused for good.
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            jdbc.update("""
                    INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                        time_stamp, payload_type, payload) VALUES ('rolled-back', 'NOTB-2026', 99, 'Plan',
                        '2026-01-01T00:00:00Z', 'x', '\\x7b7d')""");
            status.setRollbackOnly();
        });
        ok(post("/api/plans/NOTB-2026/goals", """
                {"goalId": "g1", "kind": "MALSATTNING", "origin": "RF", "numbering": "1", "title": "Ett"}"""));
        long gap = eventOf("NOTB-2026", 1) - 1;
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE global_index = ?", Long.class,
                gap)).isZero();

        long head = head();
        assertThat(ok(post("/api/admin/notary/checkpoints", "")).getBody().get("treeSize").asLong())
                .as("waits at the gap").isLessThan(gap);
        assertThat(checkpointOfHead().get("treeSize").asLong()).as("sealed past the gap after the timeout")
                .isEqualTo(head);
        assertThat(jdbc.queryForObject("SELECT kind FROM notary_leaf WHERE global_index = ?", String.class, gap))
                .isEqualTo("NEVER_COMMITTED");
        assertThat(verify().get("ok").asBoolean()).isTrue();

        // An event appearing later under that index is reported, not silently accepted.
        Map<String, Object> late = new java.util.HashMap<>(jdbc.queryForMap(
                "SELECT * FROM domain_event_entry WHERE global_index = ?", head));
        late.put("global_index", gap);
        late.put("event_identifier", "late");
        late.put("sequence_number", 98L);
        reinsert(late);
        try {
            JsonNode difference = verify().get("firstDifference");
            assertThat(difference.get("problem").asText()).isEqualTo("COMMITTED_LATE");
            assertThat(difference.get("globalIndex").asLong()).isEqualTo(gap);
            // nor does a bundle's view show it: the tree holds that index as never committed
            ResponseEntity<JsonNode> bundle = http.getForEntity("/api/notary/bundles?entityKey=goal:NOTB-2026:g1"
                    + "&treeSize=" + head + "&asOf=" + late.get("time_stamp"), JsonNode.class);
            assertThat(bundle.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(bundle.getBody().get("detail").asText()).contains("the event at " + gap);
        } finally {
            withoutAppendOnly(() -> jdbc.update("DELETE FROM domain_event_entry WHERE global_index = ?", gap));
        }
        assertThat(verify().get("ok").asBoolean()).isTrue();
    }

    @Test
    void a_bundle_shows_nothing_its_tree_does_not_prove_though_stamped_before_its_checkpoint() throws Exception {
        givenPlan("NOTD", 2026);
        ok(post("/api/plans/NOTD-2026/goals", """
                {"goalId": "m1", "kind": "MALSATTNING", "origin": "RF", "numbering": "1", "title": "God vård"}"""));
        String key = "goal:NOTD-2026:m1";
        awaitGet("/api/audit/entities/" + key, page -> page.get("entries").size() == 1);
        JsonNode checkpoint = checkpointOfHead();
        long treeSize = checkpoint.get("treeSize").asLong();
        Instant signedAt = Instant.parse(checkpoint.get("time").asText());
        // An append stamped before the checkpoint was signed that committed after the tree was sealed (a slow
        // transaction): the plan as of the checkpoint's time shows it, the tree does not prove it.
        Map<String, Object> late = new java.util.HashMap<>(jdbc.queryForMap(
                "SELECT * FROM domain_event_entry WHERE global_index = ?", eventOf("NOTD-2026", 1)));
        late.remove("global_index");
        late.put("event_identifier", "committed-after-sealing");
        late.put("sequence_number", 2L);
        late.put("payload", new String((byte[]) late.get("payload"), StandardCharsets.UTF_8)
                .replace("\"m1\"", "\"m2\"").getBytes(StandardCharsets.UTF_8));
        Instant stamped = signedAt.minusMillis(1);
        late.put("time_stamp", stamped.toString());
        reinsert(late);
        long position = eventOf("NOTD-2026", 2);
        assertThat(position).isGreaterThan(treeSize);

        ResponseEntity<JsonNode> refused = http.getForEntity("/api/notary/bundles?entityKey=" + key + "&treeSize="
                + treeSize + "&asOf=" + signedAt, JsonNode.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody().get("field").asText()).isEqualTo("treeSize");
        assertThat(refused.getBody().get("detail").asText()).contains("the event at " + position);
        // by default the bundle stands just before it: its views show only what the tree proves
        JsonNode bundle = get("/api/notary/bundles?entityKey=" + key + "&treeSize=" + treeSize);
        assertThat(Instant.parse(bundle.get("asOf").asText()))
                .isEqualTo(stamped.plusNanos(500).truncatedTo(java.time.temporal.ChronoUnit.MICROS).minusNanos(1000));
        assertThat(bundle.get("events")).hasSize(1);
        assertThat(bundle.at("/views/0/body")).isEqualTo(get(bundle.at("/views/0/read").asText()));
        assertThat(bundle.at("/views/0/body/goals").findValuesAsText("goalId")).containsExactly("m1");
        assertThat(awaitGet("/api/plans/NOTD-2026", plan -> plan.get("goals").size() == 2).get("goals")
                .findValuesAsText("goalId")).as("the late goal is in the live plan").contains("m2");
    }

    @Test
    void a_bundle_of_an_entity_or_a_beslut_verifies_offline_and_a_changed_byte_is_named() throws Exception {
        givenPlan("NOTC", 2026);
        ok(post("/api/plans/NOTC-2026/goals", """
                {"goalId": "m1", "kind": "MALSATTNING", "origin": "RF", "numbering": "1", "title": "God vård"}"""));
        ok(post("/api/plans/NOTC-2026/styrtal", """
                {"styrtalId": "m1-s1", "goalId": "m1", "indikatorId": "telefontillganglighet-primarvard",
                 "text": "Telefontillgängligheten i primärvård, inom 0 dagar.", "unit": "%", "direction": "OKA",
                 "senastKanda": {"value": "82 %", "period": "maj 2025"}, "arsMalvarde": "90 %",
                 "langsiktigtMalvarde": "95 %"}"""));
        ok(post("/api/plans/NOTC-2026/adoption", """
                {"beslut": {"organ": "Regionstyrelsen", "datum": "2025-12-10", "paragraf": "§ 250",
                            "diarienummer": "25RS0980"}}"""));
        ok(send(HttpMethod.PUT, "/api/plans/NOTC-2026/styrtal/m1-s1", """
                {"text": "Telefontillgängligheten i primärvård, inom 0 dagar.", "unit": "%", "direction": "OKA",
                 "senastKanda": {"value": "82 %", "period": "maj 2025"}, "arsMalvarde": "92 %",
                 "langsiktigtMalvarde": "95 %",
                 "revisionBeslut": {"organ": "Regionstyrelsen", "datum": "2026-03-04", "paragraf": "§ 31",
                                    "diarienummer": "26RS0981"}}""", Map.of("X-Reason", "Regionens mal hojdes")));
        String key = "styrtal:NOTC-2026:m1-s1";
        awaitGet("/api/audit/entities/" + key, page -> page.get("entries").size() == 2);
        JsonNode checkpoint = checkpointOfHead();
        String publicKey = checkpoint.get("publicKey").asText();

        // saved as answered, byte for byte, as a revisor keeps it
        byte[] entityBytes = http.getForEntity("/api/notary/bundles?entityKey=" + key, byte[].class).getBody();
        JsonNode byEntity = json.readTree(entityBytes);
        assertThat(byEntity.get("checkpoint")).isEqualTo(checkpoint);
        assertThat(byEntity.get("asOf").asText()).isEqualTo(checkpoint.get("time").asText());
        assertThat(byEntity.get("events")).hasSize(2);
        assertThat(byEntity.get("auditEntries").findValuesAsText("eventType"))
                .containsExactly("StyrtalAdded", "StyrtalRevised");
        JsonNode revised = byEntity.at("/events/1/event");
        assertThat(revised.get("globalIndex").asLong()).isEqualTo(byEntity.at("/auditEntries/1/position").asLong());
        assertThat(Base64.getDecoder().decode(revised.get("payload").asText()))
                .isEqualTo(payload(revised.get("globalIndex").asLong()));
        // the plan the events belong to, as of the bundle's instant, as its own read answers it
        assertThat(byEntity.get("views").findValuesAsText("view")).containsExactly("plan");
        JsonNode planThen = byEntity.at("/views/0");
        assertThat(planThen.get("read").asText()).isEqualTo("/api/plans/NOTC-2026?asOf=" + checkpoint.get("time").asText());
        assertThat(planThen.get("body")).isEqualTo(get(planThen.get("read").asText()));
        assertThat(byEntity.at("/seal/algorithm").asText()).isEqualTo("Ed25519");
        Path entityBundle = Files.write(Files.createTempFile("bundle", ".json"), entityBytes);
        assertThat(bundleTool(entityBundle, publicKey)).startsWith("0")
                .contains("signed by the pinned key", "seal: holds", "OK");
        assertThat(bundleTool(entityBundle, null)).startsWith("0").contains("signed by the bundle's own key");

        byte[] beslutBytes = http.getForEntity("/api/notary/bundles?diarienummer=26RS0981&treeSize="
                + checkpoint.get("treeSize").asLong(), byte[].class).getBody();
        JsonNode byBeslut = json.readTree(beslutBytes);
        assertThat(byBeslut.get("events")).hasSize(1);
        assertThat(byBeslut.at("/events/0/event")).isEqualTo(revised);
        assertThat(byBeslut.at("/auditEntries/0/beslut/diarienummer").asText()).isEqualTo("26RS0981");
        Path beslutBundle = Files.write(Files.createTempFile("bundle", ".json"), beslutBytes);
        assertThat(bundleTool(beslutBundle, publicKey)).startsWith("0");

        // as of the first event's instant: that event only, and the plan as it stood then (before the revision)
        String firstAt = byEntity.at("/auditEntries/0/at").asText();
        JsonNode early = get("/api/notary/bundles?entityKey=" + key + "&asOf=" + firstAt);
        assertThat(early.get("asOf").asText()).isEqualTo(firstAt);
        assertThat(early.get("events")).hasSize(1);
        assertThat(early.at("/views/0/body")).isEqualTo(get("/api/plans/NOTC-2026?asOf=" + firstAt))
                .isNotEqualTo(planThen.get("body"));
        assertThat(http.getForEntity("/api/notary/bundles?entityKey=" + key + "&asOf=2000-01-01T00:00:00Z",
                JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<JsonNode> late = http.getForEntity("/api/notary/bundles?entityKey=" + key
                + "&asOf=2999-01-01T00:00:00Z", JsonNode.class);
        assertThat(late.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(late.getBody().get("field").asText()).isEqualTo("asOf");

        // One byte of one payload changed in the saved file: that event is named.
        ObjectNode forged = (ObjectNode) json.readTree(entityBytes);
        ObjectNode event = (ObjectNode) forged.at("/events/1/event");
        byte[] payload = Base64.getDecoder().decode(event.get("payload").asText());
        payload[payload.length / 2] ^= 1;
        event.put("payload", Base64.getEncoder().encodeToString(payload));
        Files.writeString(entityBundle, json.writeValueAsString(forged));
        assertThat(bundleTool(entityBundle, publicKey)).startsWith("1").contains("event at global index "
                + revised.get("globalIndex").asLong() + " (aggregate NOTC-2026, sequence "
                + revised.get("sequenceNumber").asLong() + ")", "FAILED");
        // A figure of the view changed: the events still prove, the seal does not hold.
        String text = new String(entityBytes, StandardCharsets.UTF_8);
        int inView = text.indexOf("92 %", text.indexOf("\"views\""));
        Files.writeString(entityBundle, text.substring(0, inView) + "93 %" + text.substring(inView + 4));
        assertThat(bundleTool(entityBundle, publicKey)).startsWith("1")
                .contains("2 events: each is in the signed tree as stored", "seal: does NOT hold", "FAILED");
        // One byte changed, wherever it is in the file (every fifth byte, and every byte of the seal, whose base64
        // ends in bits a decoder ignores): the bundle does not verify.
        int seal = text.indexOf("\"seal\"");
        for (int at = 0; at < entityBytes.length; at += at >= seal ? 1 : 5) {
            byte[] changed = entityBytes.clone();
            changed[at] ^= 1;
            Files.write(entityBundle, changed);
            assertThat(bundleTool(entityBundle, publicKey)).as("byte %d changed", at).startsWith("1");
        }

        for (String unknown : List.of("entityKey=styrtal:NONE-2026:x", "diarienummer=00XX0000")) {
            ResponseEntity<JsonNode> answer = http.getForEntity("/api/notary/bundles?" + unknown, JsonNode.class);
            assertThat(answer.getStatusCode()).as(unknown).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(answer.getBody().get("field").asText()).isEqualTo(unknown.substring(0, unknown.indexOf('=')));
        }
        for (String refused : List.of("", "entityKey=" + key + "&diarienummer=26RS0981", "entityKey=" + key
                + "&limit=5")) {
            assertThat(http.getForEntity("/api/notary/bundles?" + refused, JsonNode.class).getStatusCode())
                    .as(refused).isEqualTo(HttpStatus.BAD_REQUEST);
        }
    }

    private void assertDifference(String problem, long globalIndex, String aggregate, long sequence) {
        JsonNode report = verify();
        assertThat(report.get("ok").asBoolean()).isFalse();
        JsonNode difference = report.get("firstDifference");
        assertThat(difference.get("problem").asText()).isEqualTo(problem);
        assertThat(difference.get("globalIndex").asLong()).isEqualTo(globalIndex);
        assertThat(difference.get("aggregateIdentifier").asText()).isEqualTo(aggregate);
        assertThat(difference.get("sequenceNumber").asLong()).isEqualTo(sequence);
        assertThat(report.get("rootMatches").asBoolean()).isFalse();
        assertThat(report.get("signatureValid").asBoolean()).isTrue();
    }

    /** Tampers with the append-only store (its trigger off meanwhile), checks, and restores it exactly. */
    private void tampered(Runnable tamper, Runnable restore, Runnable check) {
        withoutAppendOnly(tamper);
        try {
            check.run();
        } finally {
            withoutAppendOnly(restore);
        }
    }

    private void withoutAppendOnly(Runnable change) {
        jdbc.execute("ALTER TABLE domain_event_entry DISABLE TRIGGER domain_event_entry_append_only");
        try {
            change.run();
        } finally {
            jdbc.execute("ALTER TABLE domain_event_entry ENABLE TRIGGER domain_event_entry_append_only");
        }
    }

    /** A checkpoint of everything stored so far (a gap left by a rolled-back write is sealed after 1 s). */
    private JsonNode checkpointOfHead() throws InterruptedException {
        long head = head();
        JsonNode checkpoint = null;
        for (int i = 0; i < 50; i++) {
            checkpoint = ok(post("/api/admin/notary/checkpoints", "")).getBody();
            if (checkpoint.get("treeSize").asLong() >= head) {
                return checkpoint;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("never sealed up to " + head + ": " + checkpoint);
    }

    private JsonNode verify() {
        return ok(post("/api/admin/notary/verify", "")).getBody();
    }

    /** Runs the verification tool; answers its exit code, a newline and its output. */
    private String tool(Path checkpoint) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exit = VerifyLedger.run(List.of("--jdbc-url", ((HikariDataSource) dataSource).getJdbcUrl(),
                "--user", "postgres", "--checkpoint", checkpoint.toString()), null,
                new PrintStream(output, true, StandardCharsets.UTF_8));
        return exit + "\n" + output.toString(StandardCharsets.UTF_8);
    }

    /** Runs the offline bundle verifier; answers its exit code, a newline and its output. */
    private static String bundleTool(Path bundle, String publicKey) {
        List<String> args = new ArrayList<>(List.of("--bundle", bundle.toString()));
        if (publicKey != null) {
            args.addAll(List.of("--public-key", publicKey));
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exit = VerifyBundle.run(args, new PrintStream(output, true, StandardCharsets.UTF_8));
        return exit + "\n" + output.toString(StandardCharsets.UTF_8);
    }

    private boolean signed(JsonNode view) {
        return new Checkpoint(view.get("treeSize").asLong(), root(view), view.get("time").asText()).verify(
                Base64.getDecoder().decode(view.get("signature").asText()),
                Base64.getDecoder().decode(view.get("publicKey").asText()));
    }

    private long head() {
        return jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
    }

    private long eventOf(String aggregate, long sequence) {
        return jdbc.queryForObject("SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND sequence_number = ?", Long.class, aggregate, sequence);
    }

    private byte[] payload(long globalIndex) {
        return jdbc.queryForObject("SELECT payload FROM domain_event_entry WHERE global_index = ?", byte[].class,
                globalIndex);
    }

    private void setPayload(long globalIndex, byte[] payload) {
        jdbc.update("UPDATE domain_event_entry SET payload = ? WHERE global_index = ?", payload, globalIndex);
    }

    private void reinsert(Map<String, Object> row) {
        jdbc.update("INSERT INTO domain_event_entry (" + String.join(", ", row.keySet()) + ") VALUES ("
                + String.join(", ", row.keySet().stream().map(k -> "?").toList()) + ")", row.values().toArray());
    }

    private static byte[] root(JsonNode checkpoint) {
        return Base64.getDecoder().decode(checkpoint.get("rootHash").asText());
    }

    private static List<byte[]> hashes(JsonNode array) {
        List<byte[]> hashes = new ArrayList<>();
        array.forEach(hash -> hashes.add(Base64.getDecoder().decode(hash.asText())));
        return hashes;
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
