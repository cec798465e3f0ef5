package se.uppfoljningsliggaren.deploy.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.zaxxer.hikari.HikariDataSource;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import se.uppfoljningsliggaren.deploy.LedgerApplication;
import se.uppfoljningsliggaren.deploy.notary.VerifyLedger;
import se.uppfoljningsliggaren.query.notary.NotaryLeaves;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The notary alone at the scale of a region's history: the demo's events (written through the API at start-up)
 * cloned in SQL to {@code -Dbenchmark.notary-events} (default 1 000 000) under new aggregate ids, the event
 * processors shut down first so nothing but the notary reads them. Measures, in one run on the same PostgreSQL:
 * sealing every event (one on-demand checkpoint, the scheduled sealing switched off), a raw sequential read of the
 * store (the baseline), the verification endpoint and the offline tool, twice each, then the endpoint once with one
 * payload changed in SQL half-way into the store (it must name that event). Writes
 * docs/benchmarks/notary-1m.{json,md}. Run:
 * {@code ./mvnw -B -Pbenchmark -pl deploy -am verify -DskipTests -Dbenchmark.main=se.uppfoljningsliggaren.deploy.benchmark.NotaryBenchmark}
 */
public final class NotaryBenchmark {

    private static final String USER = "bench";
    private static final String PASSWORD = "bench";
    private static final String AUTHORIZATION = "Basic " + Base64.getEncoder()
            .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    private static final int ROUNDS = 2;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final String baseUrl;
    private final HikariDataSource dataSource;

    private NotaryBenchmark(String baseUrl, HikariDataSource dataSource) {
        this.baseUrl = baseUrl;
        this.dataSource = dataSource;
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/benchmarks");
        int events = Integer.getInteger("benchmark.notary-events", 1_000_000);
        LedgerApplication.disableAxonUsageReporting();
        try (ConfigurableApplicationContext context = SpringApplication.run(LedgerApplication.class,
                "--ledger.embedded-postgres.data-directory=", "--server.port=0", "--ledger.demo-data.enabled=true",
                "--logging.level.root=WARN", "--ledger.notary.seal-interval=1000h",
                "--ledger.notary.checkpoint-interval=1000h", "--ledger.projections.reconcile-interval=1000h",
                "--ledger.security.users[" + USER + "].password=" + PASSWORD,
                "--ledger.security.users[" + USER + "].roles=CONTROLLER,ADMIN,REGIONSTYRELSEN,REVISOR",
                "--ledger.security.users[" + USER + "].namnder=*")) {
            // Only the notary is measured: the projections would spend an hour on the clones.
            context.getBean(EventProcessingConfiguration.class).eventProcessors().values()
                    .forEach(EventProcessor::shutDown);
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            NotaryBenchmark benchmark = new NotaryBenchmark("http://localhost:" + port,
                    (HikariDataSource) context.getBean(DataSource.class));
            benchmark.run(events).write(out);
        }
    }

    record Timed(String name, long millis, String result) {
    }

    record Report(LocalDate date, long events, long templateEvents, long cloneSeconds, long storeBytes,
                  long notaryBytes, long sealMillis, List<Timed> rawReads, List<Timed> endpoint, List<Timed> tool,
                  Timed tampered, String load) {

        double sealPerSecond() {
            return events * 1000.0 / sealMillis;
        }

        static long best(List<Timed> runs) {
            return runs.stream().mapToLong(Timed::millis).min().orElseThrow();
        }

        void write(Path directory) throws IOException {
            Files.createDirectories(directory);
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("date", date.toString());
            figures.put("machine", PlanLedgerBenchmark.machine());
            figures.put("events", events);
            figures.put("templateEvents", templateEvents);
            figures.put("cloneSeconds", cloneSeconds);
            figures.put("eventStoreBytes", storeBytes);
            figures.put("notaryBytes", notaryBytes);
            figures.put("sealMillis", sealMillis);
            figures.put("sealPerSecond", Math.round(sealPerSecond()));
            figures.put("rawReadMillis", rawReads.stream().map(Timed::millis).toList());
            figures.put("verifyEndpointMillis", endpoint.stream().map(Timed::millis).toList());
            figures.put("verifyToolMillis", tool.stream().map(Timed::millis).toList());
            figures.put("verifyTamperedMillis", tampered.millis());
            figures.put("verifyTamperedDifference", tampered.result());
            figures.put("loadAverage", load);
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValue(directory.resolve("notary-1m.json").toFile(), figures);
            long raw = best(rawReads);
            String md = """
                    # Notary at %,d events (run of %s)

                    Run: `./mvnw -B -Pbenchmark -pl deploy -am verify -DskipTests \
                    -Dbenchmark.main=se.uppfoljningsliggaren.deploy.benchmark.NotaryBenchmark` (`NotaryBenchmark`;
                    `-Dbenchmark.notary-events=N` for another size). The demo's %,d events, written through the API at
                    start-up, cloned in SQL under new aggregate ids to %,d events (%d s, then `VACUUM ANALYZE`); the
                    event processors shut down before the clone, so only the notary reads them. %d cores, Java %s,
                    embedded PostgreSQL on the same host; load average at the end %s. Event store %.0f MB, the
                    notary's tables %.0f MB (with indexes and TOAST). Times are the best of %d runs (all runs in
                    `notary-1m.json`).

                    | measure | figure | baseline (same run) | ratio |
                    |---|---:|---:|---:|
                    | seal every event (one on-demand checkpoint) | %,.0f events/s (%.1f s) | | |
                    | verification, `POST /api/admin/notary/verify` | %.1f s | raw sequential read %.1f s | %.2f × |
                    | verification, the offline tool `VerifyLedger` (one checkpoint) | %.1f s | raw sequential read %.1f s | %.2f × |
                    | verification with one payload changed in SQL (endpoint, once) | %.1f s: %s | | |

                    The raw sequential read is `SELECT * FROM domain_event_entry ORDER BY global_index`, every column
                    of every row through JDBC (fetch size 10 000), as `PlanLedgerBenchmark` measures it. Verification
                    reads the leaf's columns with `COPY … TO STDOUT (FORMAT binary)` over %d connections in one
                    exported snapshot, each a range of the table's pages, and hashes every leaf from the copied
                    bytes; it keeps 32 bytes per leaf of the store and 32 of the sealed leaves.
                    """.formatted(events, date, templateEvents, events, cloneSeconds,
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), load,
                    storeBytes / 1e6, notaryBytes / 1e6, ROUNDS, sealPerSecond(), sealMillis / 1000.0,
                    best(endpoint) / 1000.0, raw / 1000.0, (double) best(endpoint) / raw, best(tool) / 1000.0,
                    raw / 1000.0, (double) best(tool) / raw, tampered.millis() / 1000.0, tampered.result(),
                    NotaryLeaves.PARALLELISM);
            Files.writeString(directory.resolve("notary-1m.md"), md);
        }
    }

    private Report run(int events) throws Exception {
        long templateTo = queryLong("SELECT max(global_index) FROM domain_event_entry");
        long template = queryLong("SELECT count(*) FROM domain_event_entry");
        System.out.printf("template: %d events%n", template);
        long cloneStart = System.nanoTime();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            int copies = (int) Math.max(0, (events - template) / template);
            for (int from = 1; from <= copies; from += 100) {
                try (PreparedStatement clone = c.prepareStatement("""
                        INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                            time_stamp, payload_type, payload_revision, payload, meta_data)
                        SELECT gen_random_uuid()::text, e.aggregate_identifier || '~' || n, e.sequence_number, e.type,
                               e.time_stamp, e.payload_type, e.payload_revision, e.payload, e.meta_data
                        FROM domain_event_entry e CROSS JOIN generate_series(?, ?) n
                        WHERE e.global_index <= ? ORDER BY n, e.global_index""")) {
                    clone.setInt(1, from);
                    clone.setInt(2, Math.min(copies, from + 99));
                    clone.setLong(3, templateTo);
                    clone.executeUpdate();
                }
                System.out.printf("cloned %d of %d copies (%d s)%n", Math.min(copies, from + 99), copies,
                        (System.nanoTime() - cloneStart) / 1_000_000_000);
            }
            try (Statement vacuum = c.createStatement()) {
                vacuum.execute("VACUUM ANALYZE domain_event_entry");
            }
        }
        long cloneSeconds = (System.nanoTime() - cloneStart) / 1_000_000_000;
        long stored = queryLong("SELECT count(*) FROM domain_event_entry");
        System.out.printf("store: %d events (%d s)%n", stored, cloneSeconds);

        long sealStart = System.nanoTime();
        JsonNode checkpoint = json.readTree(post("/api/admin/notary/checkpoints"));
        long sealMillis = (System.nanoTime() - sealStart) / 1_000_000;
        if (checkpoint.get("treeSize").asLong() < queryLong("SELECT max(global_index) FROM domain_event_entry")) {
            throw new IllegalStateException("not everything was sealed: " + checkpoint);
        }
        System.out.printf("sealed %d in %d ms%n", stored, sealMillis);
        try (Connection c = dataSource.getConnection(); Statement vacuum = c.createStatement()) {
            c.setAutoCommit(true);
            vacuum.execute("VACUUM ANALYZE notary_leaf");
            vacuum.execute("VACUUM ANALYZE notary_node");
        }
        Path exported = Files.createTempFile("checkpoint", ".json");
        Files.writeString(exported, json.writeValueAsString(checkpoint));

        List<Timed> raw = new ArrayList<>();
        List<Timed> endpoint = new ArrayList<>();
        List<Timed> tool = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            raw.add(rawRead());
            endpoint.add(verifyEndpoint());
            tool.add(verifyTool(exported));
            System.out.println(raw.get(round) + "\n" + endpoint.get(round) + "\n" + tool.get(round));
        }
        Timed tampered = verifyTampered(stored / 2);
        System.out.println(tampered);
        return new Report(LocalDate.now(), stored, template, cloneSeconds, tableBytes("domain_event_entry"),
                tableBytes("notary_leaf") + tableBytes("notary_node"), sealMillis, raw, endpoint, tool, tampered,
                String.join(" ", Arrays.asList(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3)));
    }

    /** The baseline, read as the history benchmark reads it. */
    private Timed rawRead() throws SQLException {
        PlanLedgerBenchmark.RawRead read = PlanLedgerBenchmark.rawRead(dataSource);
        return new Timed("raw read", read.millis(), read.events() + " rows");
    }

    private Timed verifyEndpoint() throws Exception {
        long start = System.nanoTime();
        String report = post("/api/admin/notary/verify");
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (!json.readTree(report).get("ok").asBoolean()) {
            throw new IllegalStateException("verification failed: " + report);
        }
        return new Timed("endpoint", millis, report);
    }

    /** One payload changed in SQL (the append-only trigger off meanwhile): verification must name it; restored. */
    private Timed verifyTampered(long globalIndex) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement sql = c.createStatement()) {
            c.setAutoCommit(true);
            sql.execute("ALTER TABLE domain_event_entry DISABLE TRIGGER domain_event_entry_append_only");
            sql.execute("UPDATE domain_event_entry SET payload = payload || ' '::bytea WHERE global_index = "
                    + globalIndex);
            try {
                long start = System.nanoTime();
                JsonNode report = json.readTree(post("/api/admin/notary/verify"));
                long millis = (System.nanoTime() - start) / 1_000_000;
                JsonNode difference = report.get("firstDifference");
                if (report.get("ok").asBoolean() || difference.get("globalIndex").asLong() != globalIndex) {
                    throw new IllegalStateException("the change at " + globalIndex + " was not named: " + report);
                }
                return new Timed("tampered", millis, difference.get("problem").asText() + " at global index "
                        + globalIndex);
            } finally {
                sql.execute("UPDATE domain_event_entry SET payload = substring(payload FROM 1 FOR length(payload) - 1) "
                        + "WHERE global_index = " + globalIndex);
                sql.execute("ALTER TABLE domain_event_entry ENABLE TRIGGER domain_event_entry_append_only");
            }
        }
    }

    private Timed verifyTool(Path checkpoint) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        long start = System.nanoTime();
        int exit = VerifyLedger.run(List.of("--jdbc-url", dataSource.getJdbcUrl(), "--user",
                dataSource.getUsername(), "--checkpoint", checkpoint.toString()), dataSource.getPassword(),
                new PrintStream(output, true, StandardCharsets.UTF_8));
        long millis = (System.nanoTime() - start) / 1_000_000;
        String result = output.toString(StandardCharsets.UTF_8).strip();
        if (exit != 0) {
            throw new IllegalStateException("the tool failed: " + result);
        }
        return new Timed("tool", millis, result);
    }

    private long tableBytes(String table) throws SQLException {
        return queryLong("SELECT pg_total_relation_size('" + table + "')");
    }

    private String post(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", AUTHORIZATION).timeout(Duration.ofHours(2))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("POST " + path + " → " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private long queryLong(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement statement = c.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
