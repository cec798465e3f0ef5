package se.uppfoljningsliggaren.deploy.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import se.uppfoljningsliggaren.deploy.LedgerApplication;

import javax.sql.DataSource;
import java.io.IOException;
import java.lang.management.ManagementFactory;
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
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * The ledger's benchmark: plan writes through the HTTP API at 1, 8 and 32 concurrent clients beside a raw-JDBC
 * baseline (single-row INSERT … COMMIT of an event-sized row) on the same PostgreSQL server in the same run, and the
 * latency of the plan view. Writes its figures to docs/benchmarks/ as JSON and Markdown. Not part of the tests:
 * run it with {@code ./mvnw -B -Pbenchmark -pl deploy -am verify -DskipTests}.
 *
 * <p>Later issues add scenarios: each is a method returning a {@link Scenario} added to the report.
 */
public final class PlanLedgerBenchmark {

    private static final int[] CLIENTS = {1, 8, 32};
    private static final Duration WARM_UP = Duration.ofSeconds(3);
    private static final Duration MEASURE = Duration.ofSeconds(10);
    private static final int VIEW_REQUESTS = 2000;
    private static final int FIRST_YEAR = 2017;
    /** Signs in with HTTP Basic; holds every role, every nämnd in scope, so one user may make every write. */
    private static final String USER = "bench";
    private static final String PASSWORD = "bench";
    private static final String AUTHORIZATION = "Basic " + Base64.getEncoder()
            .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final DataSource dataSource;

    private PlanLedgerBenchmark(String baseUrl, DataSource dataSource) {
        this.baseUrl = baseUrl;
        this.dataSource = dataSource;
    }

    /** One measured scenario: throughput in operations per second and latency percentiles in milliseconds. */
    public record Scenario(String name, int clients, long operations, double seconds, double perSecond,
                           double p50Ms, double p99Ms) {
    }

    /**
     * The store the run ended with: its events, the audit trail's rows (one per event is its promise), and the audit
     * trail's size beside the event store's in bytes.
     */
    public record Store(long events, long auditTrailRows, long eventStoreBytes, long auditTrailBytes) {

        double auditTrailToEventStore() {
            return Math.round((double) auditTrailBytes / eventStoreBytes * 100) / 100.0;
        }
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/benchmarks");
        // "writes-only" runs the command side alone, to tell the write path's cost from the projections' share of
        // the same two cores.
        boolean writesOnly = args.length > 1 && args[1].equals("writes-only");
        LedgerApplication.disableAxonUsageReporting();
        try (ConfigurableApplicationContext context = SpringApplication.run(LedgerApplication.class,
                "--ledger.embedded-postgres.data-directory=", "--server.port=0", "--ledger.demo-data.enabled=false",
                // the rebuild's statements are profiled (see rebuildStatements)
                "--ledger.embedded-postgres.settings.shared_preload_libraries=pg_stat_statements",
                "--logging.level.root=WARN", "--logging.level.se.uppfoljningsliggaren.query.admin=INFO",
                "--ledger.query-side.enabled=" + !writesOnly,
                "--ledger.security.users[" + USER + "].password=" + PASSWORD,
                "--ledger.security.users[" + USER + "].roles=CONTROLLER,ADMIN,REGIONSTYRELSEN,REVISOR",
                "--ledger.security.users[" + USER + "].namnder=*")) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            PlanLedgerBenchmark benchmark = new PlanLedgerBenchmark("http://localhost:" + port,
                    context.getBean(DataSource.class));
            Integer historyEvents = Integer.getInteger("benchmark.history-events");
            if (historyEvents != null) {
                HistoryReport report = benchmark.historyAtScale(historyEvents, context);
                // history-1m at a million, history-100k at a tenth of it, so a smaller run keeps the larger's report
                report.write(out, "history-" + (historyEvents >= 1_000_000 ? historyEvents / 1_000_000 + "m"
                        : historyEvents / 1000 + "k") + (NAMNDER == 50 ? "" : "-" + NAMNDER + "-namnder"));
                if (!report.differingTables().isEmpty()) {
                    throw new IllegalStateException("the rebuild differs from the live read side in "
                            + report.differingTables());
                }
                return;
            }
            Integer auditRows = Integer.getInteger("benchmark.audit-rows");
            if (auditRows != null) {
                benchmark.auditTrailAtScale(auditRows).write(out);
                return;
            }
            List<Scenario> scenarios = new ArrayList<>();
            benchmark.prepareBaselineTable();
            for (int clients : CLIENTS) {
                scenarios.add(benchmark.rawInsertBaseline(clients));
                scenarios.add(benchmark.planWrites(clients));
            }
            if (!writesOnly) {
                scenarios.add(benchmark.planView());
                int years = Integer.getInteger("benchmark.years", 10);
                Instant loadedFrom = Instant.now();
                scenarios.addAll(benchmark.followUpViews(Integer.getInteger("benchmark.namnder", 50), years));
                scenarios.addAll(benchmark.auditTrail(lastYear(years), loadedFrom, Instant.now()));
            }
            new BenchmarkReport(scenarios, benchmark.store(), LocalDate.now())
                    .write(out.resolve(writesOnly ? "writes-only" : "."));
        }
    }

    private void prepareBaselineTable() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.createStatement().execute("""
                    CREATE TABLE IF NOT EXISTS benchmark_baseline (
                        global_index BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
                        event_identifier VARCHAR(255) NOT NULL UNIQUE, aggregate_identifier VARCHAR(255) NOT NULL,
                        sequence_number BIGINT NOT NULL, time_stamp VARCHAR(255) NOT NULL,
                        payload_type VARCHAR(255) NOT NULL, payload BYTEA NOT NULL, meta_data BYTEA,
                        UNIQUE (aggregate_identifier, sequence_number))""");
        }
    }

    /** The floor: one event-sized row per transaction, straight over JDBC, same server, same indexes. */
    private Scenario rawInsertBaseline(int clients) throws Exception {
        byte[] payload = ("{\"planId\":\"RS-2026\",\"goalId\":\"g\",\"kind\":\"MALSATTNING\",\"origin\":\"RF\","
                + "\"title\":\"Hälso- och sjukvården är god, säker och jämlik.\"}").getBytes(StandardCharsets.UTF_8);
        byte[] meta = "{\"principal\":\"benchmark\",\"traceId\":\"x\",\"correlationId\":\"y\"}".getBytes(StandardCharsets.UTF_8);
        List<Connection> connections = new ArrayList<>();
        com.zaxxer.hikari.HikariDataSource pool = (com.zaxxer.hikari.HikariDataSource) dataSource;
        try {
            return run("raw JDBC INSERT … COMMIT", clients, client -> {
            // A connection of its own per client, outside the service's pool, as a plain JDBC client would.
            Connection c = java.sql.DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
            connections.add(c);
            c.setAutoCommit(false);
            PreparedStatement insert = c.prepareStatement("INSERT INTO benchmark_baseline (event_identifier, "
                    + "aggregate_identifier, sequence_number, time_stamp, payload_type, payload, meta_data) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?)");
            long[] sequence = {0};
            String aggregate = "baseline-" + clients + "-" + client;
            return () -> {
                insert.setString(1, java.util.UUID.randomUUID().toString());
                insert.setString(2, aggregate);
                insert.setLong(3, sequence[0]++);
                insert.setString(4, Instant.now().toString());
                insert.setString(5, "se.uppfoljningsliggaren.kernel.plan.GoalAdded");
                insert.setBytes(6, payload);
                insert.setBytes(7, meta);
                insert.executeUpdate();
                c.commit();
            };
            });
        } finally {
            for (Connection c : connections) {
                c.close();
            }
        }
    }

    /**
     * Controllers adding goals to their own nämnd's plans: HTTP, validation, aggregate load, append, commit. A plan
     * is kept to a realistic size (Regionstyrelsen's has about 200 items): every 200 writes go to the next year's.
     */
    private Scenario planWrites(int clients) throws Exception {
        for (int client = 0; client < clients; client++) {
            post("/api/namnder", "{\"code\": \"B" + clients + "X" + client + "\", \"name\": \"Benchmarknämnd\"}");
        }
        return run("ledger POST /api/plans/{id}/goals", clients, client -> {
            String namnd = "B" + clients + "X" + client;
            int[] written = {0};
            return () -> {
                int year = 2026 + written[0] / 200;
                if (written[0]++ % 200 == 0) {
                    post("/api/plans", "{\"namnd\": \"" + namnd + "\", \"year\": " + year
                            + ", \"title\": \"Verksamhetsplan\"}");
                }
                post("/api/plans/" + namnd + "-" + year + "/goals", "{\"kind\": \"MALSATTNING\", \"origin\": \"RF\", "
                        + "\"numbering\": \"1\", \"title\": \"Hälso- och sjukvården är god, säker och jämlik.\"}");
            };
        });
    }

    /** The plan view of a plan the size of Regionstyrelsen's (about 10 goals, 40 styrtal, 40 uppdrag). */
    private Scenario planView() throws Exception {
        post("/api/namnder", "{\"code\": \"VIEW\", \"name\": \"Visningsnämnd\"}");
        post("/api/indikatorer", "{\"indikatorId\": \"bench-indikator\", \"name\": \"Benchmarkindikator\"}");
        post("/api/plans", "{\"namnd\": \"VIEW\", \"year\": 2026, \"title\": \"Verksamhetsplan 2026\"}");
        long version = 0;
        for (int goal = 1; goal <= 10; goal++) {
            post("/api/plans/VIEW-2026/goals", "{\"goalId\": \"m" + goal + "\", \"kind\": \"MALSATTNING\", "
                    + "\"origin\": \"RF\", \"numbering\": \"" + goal + "\", \"title\": \"Målsättning " + goal + "\"}");
            for (int i = 1; i <= 4; i++) {
                post("/api/plans/VIEW-2026/styrtal", "{\"goalId\": \"m" + goal + "\", \"indikatorId\": "
                        + "\"bench-indikator\", \"text\": \"Styrtal " + i + "\", \"senastKanda\": {\"value\": \"82 %\", "
                        + "\"period\": \"maj 2025\"}, \"arsMalvarde\": \"77–80\", \"langsiktigtMalvarde\": \"Riket + 5 %\"}");
                version = Long.parseLong(post("/api/plans/VIEW-2026/uppdrag", "{\"goalId\": \"m" + goal
                        + "\", \"source\": \"NAMND\", \"text\": \"Att följa upp styrtal " + i + "\"}")
                        .replaceAll(".*\"version\":(\\d+).*", "$1"));
            }
        }
        awaitVersion("/api/plans/VIEW-2026", version);
        return reads("ledger GET /api/plans/{id} (plan view)", VIEW_REQUESTS, "/api/plans/VIEW-2026");
    }

    /**
     * Follow-up reads at the scale of a region's history: generated data shaped like the demo (a plan with goals,
     * styrtal and uppdrag, a fastställd verksamhetsberättelse with assessments and a resultatrapport, an IK-plan with
     * the year's regionövergripande rows, its åtgärder' year-end status and effect, a fastställd ISK-bedömning) for
     * every nämnd and year, loaded through the API by 8 clients; then p50/p99 of the overview (måluppfyllelse,
     * economy and internal control of every nämnd), the report, year-over-year, the internal-control overview and
     * one nämnd's ISK underlag.
     */
    private List<Scenario> followUpViews(int namnder, int years) throws Exception {
        post("/api/indikatorer", "{\"indikatorId\": \"bench-followup\", \"name\": \"Benchmark\"}");
        for (int year = FIRST_YEAR; year <= lastYear(years); year++) {
            loadRegionRows(year);
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> loads = new ArrayList<>();
        Instant start = Instant.now();
        for (int n = 0; n < namnder; n++) {
            String namnd = "F" + n;
            loads.add(pool.submit(() -> {
                post("/api/namnder", "{\"code\": \"" + namnd + "\", \"name\": \"Nämnd " + namnd + "\"}");
                for (int year = FIRST_YEAR; year <= lastYear(years); year++) {
                    loadYear(namnd, year);
                }
                return null;
            }));
        }
        for (Future<?> load : loads) {
            load.get();
        }
        pool.shutdown();
        System.out.printf("Loaded %d nämnder × %d years in %d s%n", namnder, years,
                Duration.between(start, Instant.now()).toSeconds());
        int lastYear = lastYear(years);
        awaitCount("/api/followups/overview?year=" + lastYear, "\"faststalld\":true", namnder);
        awaitCount("/api/internkontroll/overview?year=" + lastYear, "\"iskFaststalld\":true", namnder);
        return List.of(
                reads("ledger GET /api/followups/overview (" + namnder + " nämnder)", 50,
                        "/api/followups/overview?year=" + lastYear),
                reads("ledger GET /api/followups/{id} (report)", 300,
                        "/api/followups/F7-VERKSAMHETSBERATTELSE-" + lastYear),
                reads("ledger GET /api/plans/{namnd}/{year}/year-over-year", 300,
                        "/api/plans/F7/" + lastYear + "/year-over-year"),
                reads("ledger GET /api/internkontroll/overview (" + namnder + " nämnder)", 50,
                        "/api/internkontroll/overview?year=" + lastYear),
                reads("ledger GET /api/isk-bedomningar/{namnd}/{year} (with underlag)", 300,
                        "/api/isk-bedomningar/F7/" + lastYear));
    }

    private static int lastYear(int years) {
        return FIRST_YEAR + years - 1;
    }

    /**
     * The revisor's audit trail over the generated history, once it has applied every stored event: one plan's
     * and one styrtal's history, what a diarienummer authorised (every nämnd's plan and IK-plan adoption of the
     * year), what the bench user (who wrote all of it) did while the follow-up history was generated (its first
     * page, and a page 90 % into it), and the admin's list of audit reads (which by then holds the reads made here).
     */
    private List<Scenario> auditTrail(int lastYear, Instant from, Instant to) throws Exception {
        awaitAuditTrail();
        String person = "/api/audit/people/" + USER + "?from=" + from + "&to=" + to;
        long deep = queryLong("""
                SELECT percentile_disc(0.9) WITHIN GROUP (ORDER BY global_index) FROM audit_entry
                WHERE who = ? AND occurred_at >= ? AND occurred_at < ?""", USER, Timestamp.from(from),
                Timestamp.from(to));
        return List.of(
                reads("ledger GET /api/audit/entities/plan:{planId}", 300,
                        "/api/audit/entities/plan:F7-" + lastYear),
                reads("ledger GET /api/audit/entities/styrtal:{planId}:{styrtalId}", 300,
                        "/api/audit/entities/styrtal:F7-" + lastYear + ":s1"),
                reads("ledger GET /api/audit/beslut?diarienummer= (every nämnd's adoptions)", 300,
                        "/api/audit/beslut?diarienummer=D" + lastYear),
                reads("ledger GET /api/audit/people/{who}?from=&to= (first page)", 300, person),
                reads("ledger GET /api/audit/people/{who}?from=&to=&after= (90 % in)", 300,
                        person + "&after=" + deep),
                reads("ledger GET /api/admin/audit-reads", 300, "/api/admin/audit-reads"));
    }

    /** The first position of the synthetic audit rows: far above any real event's, so they never meet. */
    private static final long SYNTHETIC_FROM = 10_000_000;

    /** One audit read: its HTTP path and the SQL AuditQueryHandler runs for it (copied, for EXPLAIN). */
    private record AuditRead(String name, String path, long after, String sql, Object... args) {
    }

    /** A read's latency with its plan: whether PostgreSQL answered it from an index, which, and with a sort. */
    public record MeasuredRead(Scenario scenario, String indexes, boolean seqScan, boolean sort, double explainMs,
                               String plan) {
    }

    /**
     * The revisor's reads at the scale of a region's history (the -Dbenchmark.audit-rows mode): audit_entry filled
     * synthetically in one statement, as generating that many events through the API takes hours. So this measures
     * the read path over that many rows, not the projection's write rate. The rows are not events: they sit at
     * positions from {@link #SYNTHETIC_FROM}, above every real event, under nämnder no event names (N00…), so the
     * audit projection never reaches them (it writes an event's row at the event's own position and reads an
     * entity's previous row below it) and nothing replays them.
     *
     * <p>The shape, per nämnd (50) and year (from 2017), 2 000 rows in store order: the plan and the
     * verksamhetsberättelse (50 each, these carry a beslut: 5 % of the rows), 10 goals (40 each), 10 styrtal (50 each),
     * 10 indikatorer' monthly utfall (5 per month), 10 uppdrag (30 each), 10 assessments (20 each); occurred_at
     * 315 s apart (100 000 rows a year); who one of 200 people by a skewed spread (user000 about 17 % of the rows,
     * user199 about 0.17 %); each beslut's diarienummer D&lt;year&gt;-&lt;1…25&gt; shared by every nämnd (organ),
     * under two datum; an after of about 300 bytes (the before is the entity's previous after).
     */
    private AuditReport auditTrailAtScale(int rows) throws Exception {
        Instant start = Instant.now();
        try (Connection c = dataSource.getConnection(); PreparedStatement fill = c.prepareStatement("""
                INSERT INTO audit_entry (global_index, aggregate_identifier, sequence_number, event_type, entity_kind,
                    entity_key, occurred_at, who, who_name, role, namnd_scope, client, request_id, correlation_id,
                    beslut, after)
                SELECT ? + i, namnd || '-' || year, i % 2000,
                    (ARRAY['PlanAdopted', 'OccasionAdopted', 'GoalRevised', 'StyrtalRevised', 'UtfallCorrected',
                        'UppdragAdded', 'ItemAssessed'])[kind],
                    (ARRAY['PLAN', 'OCCASION', 'GOAL', 'STYRTAL', 'UTFALL', 'UPPDRAG', 'ASSESSMENT'])[kind],
                    CASE kind WHEN 1 THEN 'plan:' || namnd || '-' || year
                        WHEN 2 THEN 'occasion:' || namnd || '-VERKSAMHETSBERATTELSE-' || year
                        WHEN 3 THEN 'goal:' || namnd || '-' || year || ':m' || (1 + j % 10)
                        WHEN 4 THEN 'styrtal:' || namnd || '-' || year || ':s' || (1 + j % 10)
                        WHEN 5 THEN 'utfall:' || namnd || ':ind' || (1 + j % 10) || ':' || year || '-'
                            || lpad((1 + j / 10)::text, 2, '0')
                        WHEN 6 THEN 'uppdrag:' || namnd || '-' || year || ':u' || (1 + j % 10)
                        ELSE 'assessment:' || namnd || '-VERKSAMHETSBERATTELSE-' || year || ':s' || (1 + j % 10) END,
                    timestamptz '2016-07-01 00:00:00+00' + i * interval '315 seconds',
                    'user' || lpad(person::text, 3, '0'), 'Person ' || person, 'CONTROLLER', namnd, 'web',
                    md5(i::text), md5('c' || i),
                    CASE WHEN kind <= 2 THEN jsonb_build_object('organ', namnd,
                        'datum', CASE WHEN j < 50 THEN (year - 1) || '-12-10' ELSE year || '-06-15' END,
                        'paragraf', '§ ' || (1 + j % 25), 'diarienummer', 'D' || year || '-' || (1 + j % 25)) END,
                    content || jsonb_build_object('revision', j / 10)
                FROM generate_series(0::bigint, ? - 1) AS i,
                    LATERAL (SELECT 2017 + i / 100000 AS year, 'N' || lpad(((i / 2000) % 50)::text, 2, '0') AS namnd,
                        (i % 2000) / 20 AS j, i % 20 AS k,
                        floor(200 * power(((i * 2654435761) % 4294967296) / 4294967296.0, 3))::int AS person) AS s,
                    LATERAL (SELECT CASE WHEN k = 0 THEN 1 + j % 2 WHEN k <= 4 THEN 3 WHEN k <= 9 THEN 4
                        WHEN k <= 14 THEN 5 WHEN k <= 17 THEN 6 ELSE 7 END AS kind,
                        jsonb_build_object('text', 'Andelen invånare som upplever att de får den vård de behöver, '
                            || 'mätt i den nationella patientenkäten och redovisad per kön och åldersgrupp '
                            || 'för nämndens hela ansvarsområde.', 'value', (50 + j % 50) || ' %',
                            'period', year || '-' || lpad((1 + j % 12)::text, 2, '0'), 'namndCode', namnd,
                            'comment', 'Uppföljt enligt plan; avvikelse förklarad i verksamhetsberättelsen.')
                            AS content) AS e""")) {
            fill.setLong(1, SYNTHETIC_FROM);
            fill.setLong(2, rows);
            fill.executeUpdate();
            // Vacuumed as well as analysed, as autovacuum would have done to a table of that age: else it runs
            // over the fresh gigabyte during the measurement.
            c.createStatement().execute("VACUUM (ANALYZE) audit_entry");
        }
        long fillSeconds = Duration.between(start, Instant.now()).toSeconds();
        System.out.printf("Filled and vacuumed audit_entry with %d synthetic rows in %d s%n", rows, fillSeconds);
        String small = "user199";
        String busiest = "user000";
        Instant from = Instant.parse("2021-01-01T00:00:00Z");
        Instant to = Instant.parse("2022-01-01T00:00:00Z");
        List<AuditRead> reads = new ArrayList<>();
        String styrtal = "styrtal:N07-2021:s3";
        reads.add(new AuditRead("entity history, " + styrtal + " (" + count("entity_key = ?", styrtal) + " entries)",
                "/api/audit/entities/" + styrtal, 0, "entity_key = ?", styrtal));
        for (String who : List.of(small, busiest)) {
            String where = "who = ? AND occurred_at >= ? AND occurred_at < ?";
            Object[] args = {who, Timestamp.from(from), Timestamp.from(to)};
            long deep = queryLong("SELECT percentile_disc(0.9) WITHIN GROUP (ORDER BY global_index) FROM audit_entry "
                    + "WHERE " + where, args);
            String path = "/api/audit/people/" + who + "?from=" + from + "&to=" + to;
            String name = who + " in 2021 (" + count(where, args) + " of " + count("who = ?", who) + " entries)";
            reads.add(new AuditRead(name + ", first page", path, 0, where, args));
            reads.add(new AuditRead(name + ", page 90 % in", path + "&after=" + deep, deep, where, args));
        }
        String beslut = "beslut IS NOT NULL AND beslut ->> 'diarienummer' = ?";
        reads.add(new AuditRead("beslut D2021-3 (" + count(beslut, "D2021-3") + " entries, first page)",
                "/api/audit/beslut?diarienummer=D2021-3", 0, beslut, "D2021-3"));
        String narrowed = beslut + " AND beslut ->> 'organ' = ? AND beslut ->> 'datum' = ?";
        reads.add(new AuditRead("beslut D2021-3, organ N07, datum 2020-12-10 ("
                + count(narrowed, "D2021-3", "N07", "2020-12-10") + " entries)",
                "/api/audit/beslut?diarienummer=D2021-3&organ=N07&datum=2020-12-10", 0, narrowed, "D2021-3", "N07",
                "2020-12-10"));
        List<MeasuredRead> measured = new ArrayList<>();
        for (AuditRead read : reads) {
            String plan = explain(read);
            measured.add(new MeasuredRead(reads(read.name(), 300, read.path()),
                    String.join(", ", new java.util.TreeSet<>(java.util.regex.Pattern
                            .compile("Index (?:Only )?Scan (?:Backward )?(?:using|on) (\\w+)").matcher(plan).results()
                            .map(m -> m.group(1)).toList())),
                    plan.contains("Seq Scan"), plan.contains("Sort"),
                    Double.parseDouble(plan.replaceAll("(?s).*Execution Time: ([0-9.]+) ms.*", "$1")), plan));
        }
        return new AuditReport(rows, fillSeconds, queryLong("SELECT pg_total_relation_size('audit_entry')"),
                measured, LocalDate.now());
    }

    /**
     * EXPLAIN (ANALYZE, BUFFERS) of a read's SQL as AuditQueryHandler builds it (a page of 100 after a position,
     * in store order; the entity read also asks whether the key exists, only when its page is empty).
     */
    private String explain(AuditRead read) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement("""
                EXPLAIN (ANALYZE, BUFFERS)
                SELECT global_index, occurred_at, event_type, entity_kind, entity_key, who, who_name, role,
                       namnd_scope, client, reason, beslut, before, after, correlation_id, request_id, idempotency_key
                FROM audit_entry WHERE global_index > ? AND\s""" + read.sql() + " ORDER BY global_index LIMIT 101")) {
            query.setLong(1, read.after());
            for (int i = 0; i < read.args().length; i++) {
                query.setObject(i + 2, read.args()[i]);
            }
            StringBuilder plan = new StringBuilder();
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    plan.append(result.getString(1)).append('\n');
                }
            }
            return plan.toString();
        }
    }

    private long count(String where, Object... args) throws SQLException {
        return queryLong("SELECT count(*) FROM audit_entry WHERE " + where, args);
    }

    /**
     * The audit trail catches up asynchronously, like the views: wait (at most ten minutes, as it is the busiest
     * processor) until it has applied every stored event. Counted by its progress, not its rows: the rows are
     * counted apart in the report, as they fall short (see docs/benchmarks/README.md).
     */
    private void awaitAuditTrail() throws Exception {
        for (int i = 0; i < 6000; i++) {
            if (queryLong("SELECT coalesce(sum(applied_events), 0) FROM projection_progress WHERE processor = ?",
                    "audit-trail") >= queryLong("SELECT count(*) FROM domain_event_entry")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the audit trail did not catch up");
    }

    /** Counted after the run: events, and the tables with their indexes and TOAST. */
    private Store store() throws SQLException {
        return new Store(queryLong("SELECT count(*) FROM domain_event_entry"),
                queryLong("SELECT count(*) FROM audit_entry"),
                queryLong("SELECT pg_total_relation_size('domain_event_entry')"),
                queryLong("SELECT pg_total_relation_size('audit_entry')"));
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); java.sql.Statement statement = c.createStatement()) {
            statement.execute(sql);
        }
    }

    private long queryLong(String sql, Object... args) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                query.setObject(i + 1, args[i]);
            }
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private void loadYear(String namnd, int year) throws Exception {
        String plan = "/api/plans/" + namnd + "-" + year;
        post("/api/plans", "{\"namnd\": \"" + namnd + "\", \"year\": " + year + ", \"title\": \"Plan\"}");
        for (int g = 1; g <= 5; g++) {
            post(plan + "/goals", "{\"goalId\": \"m" + g + "\", \"kind\": \"MALSATTNING\", \"origin\": \"RF\", "
                    + "\"numbering\": \"" + g + "\", \"title\": \"Målsättning " + g + "\"}");
            post(plan + "/styrtal", "{\"styrtalId\": \"s" + g + "\", \"goalId\": \"m" + g + "\", "
                    + "\"indikatorId\": \"bench-followup\", \"text\": \"Styrtal\", \"senastKanda\": "
                    + "{\"value\": \"82 %\", \"period\": \"" + (year - 1) + "\"}, \"arsMalvarde\": \"90 %\"}");
            post(plan + "/uppdrag", "{\"uppdragId\": \"u" + g + "\", \"goalId\": \"m" + g + "\", "
                    + "\"source\": \"NAMND\", \"text\": \"Uppdrag " + g + "\"}");
        }
        post(plan + "/adoption", "{\"beslut\": {\"organ\": \"" + namnd + "\", \"datum\": \"" + (year - 1)
                + "-12-10\", \"paragraf\": \"§ 1\", \"diarienummer\": \"D" + year + "\"}}");
        String occasion = "/api/followups/" + namnd + "-VERKSAMHETSBERATTELSE-" + year;
        post("/api/followups", "{\"namnd\": \"" + namnd + "\", \"kind\": \"VERKSAMHETSBERATTELSE\", "
                + "\"period\": \"" + year + "\"}");
        String[] colours = {"GRON", "GUL", "ROD", "GRON", "GUL"};
        for (int g = 1; g <= 5; g++) {
            post(occasion + "/assessments", "{\"itemId\": \"m" + g + "\", \"colour\": \"" + colours[g - 1] + "\"}");
            post(occasion + "/assessments", "{\"itemId\": \"u" + g + "\", \"colour\": \"GRON\"}");
            post(occasion + "/indikatorer", "{\"styrtalId\": \"s" + g + "\", \"status\": \"DELVIS\", "
                    + "\"utfall\": {\"value\": \"85 %\", \"period\": \"" + year + "\"}}");
        }
        post(occasion + "/resultatrapport", "{\"title\": \"Resultatrapport\", \"budgetVersion\": \"aktuell\", "
                + "\"lines\": [{\"lineId\": \"a\", \"label\": \"Verksamhet\", \"utfall\": -100.5, "
                + "\"budget\": -110.0, \"utfallPreviousYear\": -98.0}, {\"lineId\": \"t\", "
                + "\"label\": \"Totalt\", \"utfall\": -100.5, \"budget\": -110.0, \"utfallPreviousYear\": -98.0}]}");
        loadInternalControl(namnd, year, occasion);
        post(occasion + "/adoption", "{\"beslut\": {\"organ\": \"" + namnd + "\", \"datum\": \"" + (year + 1)
                + "-02-20\", \"paragraf\": \"§ 2\", \"diarienummer\": \"V" + year + "\"}}");
    }

    private void loadRegionRows(int year) throws Exception {
        String region = "/api/ik-plans/IK-REGION-" + year;
        post("/api/ik-plans", "{\"regionovergripande\": true, \"year\": " + year + "}");
        post(region + "/risks", "{\"riskId\": \"sam\", \"verksamhet\": \"HR\", \"text\": \"Risk att SAM brister\"}");
        post(region + "/atgarder", "{\"atgardId\": \"sam-a1\", \"riskId\": \"sam\", \"text\": \"Följ upp SAM\"}");
        post(region + "/adoption", "{\"beslut\": {\"organ\": \"RS\", \"datum\": \"" + (year - 1)
                + "-12-10\", \"paragraf\": \"§ 3\", \"diarienummer\": \"R" + year + "\"}}");
    }

    /** An IK-plan of 3 risks × 2 åtgärder, every åtgärd's year-end status and effect, a fastställd ISK-bedömning. */
    private void loadInternalControl(String namnd, int year, String occasion) throws Exception {
        String ik = "/api/ik-plans/IK-" + namnd + "-" + year;
        post("/api/ik-plans", "{\"namnd\": \"" + namnd + "\", \"year\": " + year + "}");
        for (int r = 1; r <= 3; r++) {
            post(ik + "/risks", "{\"riskId\": \"r" + r + "\", \"verksamhet\": \"Ekonomi\", \"krav\": [\"D\"], "
                    + "\"riskvardering\": {\"sannolikhet\": 2, \"konsekvens\": 3}, \"text\": \"Risk " + r + "\"}");
            for (int a = 1; a <= 2; a++) {
                post(ik + "/atgarder", "{\"atgardId\": \"r" + r + "-a" + a + "\", \"riskId\": \"r" + r + "\", "
                        + "\"text\": \"Åtgärd " + a + "\"}");
            }
        }
        post(ik + "/adoption", "{\"beslut\": {\"organ\": \"" + namnd + "\", \"datum\": \"" + (year - 1)
                + "-12-10\", \"paragraf\": \"§ 1\", \"diarienummer\": \"D" + year + "\"}}");
        String occasionId = occasion.substring(occasion.lastIndexOf('/') + 1);
        for (int r = 1; r <= 3; r++) {
            for (int a = 1; a <= 2; a++) {
                String atgard = ik + "/atgarder/r" + r + "-a" + a;
                post(atgard + "/status", "{\"status\": \"" + (r == 3 && a == 2 ? "EJ_GENOMFORD" : "AVSLUTAD")
                        + "\", \"datum\": \"" + year + "-12-31\", \"comment\": \"Årets utfall\"}");
                post(atgard + "/effect", "{\"occasionId\": \"" + occasionId + "\", \"svar\": \"JA\"}");
            }
        }
        post(ik + "/atgarder/sam-a1/status", "{\"regionovergripande\": true, \"status\": \"AVSLUTAD\", "
                + "\"datum\": \"" + year + "-12-31\", \"comment\": \"Uppföljt\"}");
        post("/api/isk-bedomningar", "{\"namnd\": \"" + namnd + "\", \"year\": " + year
                + ", \"tillracklig\": true, \"motivation\": \"Ändamålsenligt utformad\"}");
        post("/api/isk-bedomningar/ISK-" + namnd + "-" + year + "/adoption", "{\"beslut\": {\"organ\": \"" + namnd
                + "\", \"datum\": \"" + (year + 1) + "-02-20\", \"paragraf\": \"§ 3\", \"diarienummer\": \"I"
                + year + "\"}}");
    }

    // ---- history at scale (-Dbenchmark.history-events=N): docs/benchmarks/history-1m.{json,md} ----

    private static final String TEMPLATE = "QX";
    private static final int TEMPLATE_YEAR = 2099;
    /**
     * The nämnder the history is cloned into: 50 as the issue gives it; fewer keep a larger run's mix of events per
     * nämnd-year at a fraction of its size, for trying a change quickly (-Dbenchmark.history-namnder=5).
     */
    private static final int NAMNDER = Integer.getInteger("benchmark.history-namnder", 50);
    private static final int YEARS = 10;
    /** The views measured, each with whether it answers as of an instant. */
    private static final Map<String, Boolean> HISTORY_VIEWS = new LinkedHashMap<>();

    static {
        for (String view : List.of("/api/plans/{n}-{y}", "/api/plans?year={y}",
                "/api/followups/{n}-VERKSAMHETSBERATTELSE-{y}", "/api/plans/{n}/{y}/year-over-year",
                "/api/indikatorer/bench-0/series?namnd={n}", "/api/ik-plans/IK-{n}-{y}",
                "/api/followups/{n}-VERKSAMHETSBERATTELSE-{y}/internkontroll", "/api/isk-bedomningar/{n}/{y}")) {
            HISTORY_VIEWS.put(view, true);
        }
        // the overviews' projected rows, live and as of
        HISTORY_VIEWS.put("/api/followups/overview?year={y}", true);
        HISTORY_VIEWS.put("/api/internkontroll/overview?year={y}", true);
    }

    private static final List<String> PROCESSORS = List.of("plan-views", "followup-views", "internal-control-views",
            "catalogue-views", "overview-views", "audit-trail");

    /**
     * One nämnd-year is written through the API (a plan, its verksamhetsberättelse with assessments and
     * resultatrapport, an IK-plan stepped through its statuses, an ISK-bedömning, the region's rows, and utfall per
     * month for as many indikatorer as make the total come out at {@code events}), then cloned in SQL into 50
     * nämnder × 10 years, ids, codes and years replaced and times spread over the years, so the store holds
     * realistic events at scale without hours of HTTP. The projections, the audit trail and the notary apply them
     * as they would any event. Then: storage, a raw read of the store, the views live and as of random instants,
     * the notary's verification, and a full rebuild.
     */
    private HistoryReport historyAtScale(int events, ConfigurableApplicationContext context) throws Exception {
        int perNamndYear = events / (NAMNDER * YEARS);
        int indikatorer = Math.max(1, (int) ((perNamndYear - 64) / 13.2));
        System.out.printf("template: %d indikatorer × 12 months of utfall per nämnd-year%n", indikatorer);
        post("/api/indikatorer", "{\"indikatorId\": \"bench-followup\", \"name\": \"Benchmark\"}");
        for (int i = 0; i < indikatorer; i++) {
            post("/api/indikatorer", "{\"indikatorId\": \"bench-" + i + "\", \"name\": \"Indikator " + i + "\"}");
        }
        long templateFrom = queryLong("SELECT coalesce(max(global_index), 0) + 1 FROM domain_event_entry");
        post("/api/namnder", "{\"code\": \"" + TEMPLATE + "\", \"name\": \"Nämnd " + TEMPLATE + "\"}");
        loadRegionRows(TEMPLATE_YEAR);
        loadYear(TEMPLATE, TEMPLATE_YEAR);
        String[] months = {"januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
                "oktober", "november", "december"};
        for (int i = 0; i < indikatorer; i++) {
            for (int m = 0; m < 12; m++) {
                String figure = "{\"namnd\": \"" + TEMPLATE + "\", \"indikatorId\": \"bench-" + i + "\", \"figure\": "
                        + "{\"value\": \"" + (70 + (i + m) % 25) + " %\", \"period\": \"" + months[m] + " "
                        + TEMPLATE_YEAR + "\"}";
                post("/api/utfall", figure + ", \"source\": \"Benchmark\"}");
                if ((i + m) % 5 == 0) {
                    post("/api/utfall/corrections", figure.replace(" %\"", ",5 %\"") + ", \"reason\": \"Rättad\"}");
                }
            }
        }
        long templateTo = queryLong("SELECT max(global_index) FROM domain_event_entry");
        System.out.printf("template: %d events%n", templateTo - templateFrom + 1);
        Instant cloneStart = Instant.now();
        try (Connection c = dataSource.getConnection()) {
            for (int y = 0; y < YEARS; y++) {
                int year = FIRST_YEAR + y;
                // the nämnder once, the region's rows once a year, every nämnd-year's own aggregates
                String scope = "CASE WHEN e.aggregate_identifier = '" + TEMPLATE + "' THEN 0 "
                        + "WHEN e.aggregate_identifier LIKE '%REGION%' THEN 1 ELSE 2 END";
                try (PreparedStatement clone = c.prepareStatement("""
                        INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                            time_stamp, payload_type, payload_revision, payload, meta_data)
                        SELECT gen_random_uuid()::text, r.aggregate_identifier, e.sequence_number, e.type,
                               to_char((e.time_stamp::timestamptz - t.start) + make_timestamptz(?, 1, 1, 0, 0, 0, 'UTC')
                                       + (%1$s * 60 + n) * interval '1 hour', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                               e.payload_type, e.payload_revision, convert_to(r.payload, 'UTF8'), e.meta_data
                        FROM domain_event_entry e
                        CROSS JOIN (SELECT min(time_stamp::timestamptz) AS start FROM domain_event_entry
                                    WHERE global_index BETWEEN ? AND ?) t
                        CROSS JOIN generate_series(0, ? - 1) n
                        CROSS JOIN LATERAL (SELECT replace(replace(replace(replace(x, '%2$s', 'B' || lpad(n::text, 2, '0')),
                                                   '%3$d', ?), '%4$d', ?), '%5$d', ?) AS payload,
                                           replace(replace(e.aggregate_identifier, '%2$s', 'B' || lpad(n::text, 2, '0')),
                                                   '%4$d', ?) AS aggregate_identifier
                                            FROM (SELECT convert_from(e.payload, 'UTF8') AS x) p) r
                        WHERE e.global_index BETWEEN ? AND ?
                          AND (e.aggregate_identifier LIKE '%%%2$s%%' OR e.aggregate_identifier LIKE '%%REGION%%')
                          AND (%1$s = 2 OR n = 0) AND (%1$s <> 0 OR ? = 0)
                        ORDER BY %1$s, n, e.global_index""".formatted(scope, TEMPLATE, TEMPLATE_YEAR + 1,
                        TEMPLATE_YEAR, TEMPLATE_YEAR - 1))) {
                    int i = 1;
                    clone.setInt(i++, year);
                    clone.setLong(i++, templateFrom);
                    clone.setLong(i++, templateTo);
                    clone.setInt(i++, NAMNDER);
                    clone.setString(i++, String.valueOf(year + 1));
                    clone.setString(i++, String.valueOf(year));
                    clone.setString(i++, String.valueOf(year - 1));
                    clone.setString(i++, String.valueOf(year));
                    clone.setLong(i++, templateFrom);
                    clone.setLong(i++, templateTo);
                    clone.setInt(i, y);
                    System.out.printf("cloned %d: %d events (%d s)%n", year, clone.executeUpdate(),
                            Duration.between(cloneStart, Instant.now()).toSeconds());
                }
            }
        }
        long stored = queryLong("SELECT count(*) FROM domain_event_entry");
        long cloneSeconds = Duration.between(cloneStart, Instant.now()).toSeconds();
        long liveMillis = awaitProcessors(cloneStart, Duration.ofHours(2));
        System.out.printf("projections caught up with %d events after %d s; %d dead letters%n", stored,
                liveMillis / 1000, queryLong("SELECT count(*) FROM dead_letter_entry"));
        Map<String, Long> sizes = sizes();
        RawRead raw = rawRead(dataSource);
        System.out.printf("raw read: %.0f events/s%n", raw.perSecond());
        List<Scenario> reads = historyReads();
        long verifyMillis = verifyNotary(stored);
        System.out.printf("notary verified in %d ms%n", verifyMillis);
        Map<String, String> live = readSide();
        DecodedRead decoded = decodedRead(context.getBean(EventStorageEngine.class));
        System.out.printf("read and decoded by Axon alone: %.0f events/s (thread CPU %d ms)%n", decoded.perSecond(),
                decoded.cpuMillis());
        RawRead rawBeforeRebuild = rawRead(dataSource);
        execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        execute("SELECT pg_stat_statements_reset()");
        // -Dbenchmark.rebuild-jfr=file records the rebuild with Java Flight Recorder, to see where its CPU goes
        String jfr = System.getProperty("benchmark.rebuild-jfr");
        jdk.jfr.Recording recording = jfr == null ? null
                : new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("default"));
        if (recording != null) {
            // samples four times as often as by default: a rebuild of a smaller run lasts seconds
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(5));
            recording.start();
        }
        Instant rebuildStart = Instant.now();
        long cpuStart = processCpuNanos();
        Map<String, Long> rebuild = context.getBean(se.uppfoljningsliggaren.query.admin.ReadModelRebuilder.class)
                .rebuildAll(Duration.ofHours(2)).millisByProcessor();
        if (recording != null) {
            recording.stop();
            recording.dump(Path.of(jfr));
            recording.close();
        }
        long rebuildMillis = Duration.between(rebuildStart, Instant.now()).toMillis();
        long rebuildCpuMillis = (processCpuNanos() - cpuStart) / 1_000_000;
        System.out.printf("rebuild: %d s %s (raw read just before: %.0f events/s)%n", rebuildMillis / 1000, rebuild,
                rawBeforeRebuild.perSecond());
        List<Statement> statements = rebuildStatements();
        statements.forEach(System.out::println);
        Map<String, String> rebuilt = readSide();
        List<String> differing = live.keySet().stream().filter(table -> !live.get(table).equals(rebuilt.get(table)))
                .toList();
        System.out.printf("rebuild equals live: %s%n", differing.isEmpty() ? "yes" : "no, " + differing);
        return new HistoryReport(stored, templateTo - templateFrom + 1, cloneSeconds, liveMillis, sizes, raw,
                rawBeforeRebuild, decoded, rebuildMillis, rebuildCpuMillis, rebuild, new ArrayList<>(live.keySet()), differing,
                verifyMillis, java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                reads, statements, LocalDate.now());
    }

    /** One statement's share of PostgreSQL's time during the rebuild (pg_stat_statements, reset before it). */
    record Statement(long calls, long rows, double totalMillis, String query) {
    }

    /** The statements PostgreSQL spent most of the rebuild's time on: where a faster rebuild has to look. */
    private List<Statement> rebuildStatements() throws SQLException {
        List<Statement> statements = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement top = c.prepareStatement("""
                SELECT calls, rows, total_exec_time, regexp_replace(query, '\\s+', ' ', 'g')
                FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 15""");
             ResultSet rs = top.executeQuery()) {
            while (rs.next()) {
                String query = rs.getString(4);
                statements.add(new Statement(rs.getLong(1), rs.getLong(2), rs.getDouble(3),
                        query.length() > 160 ? query.substring(0, 160) + " …" : query));
            }
        }
        return statements;
    }

    /** CPU time this process (the service, its projections; not PostgreSQL) has used, in nanoseconds. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Every processor's tokens at (or past) the store's head: the read side has applied every event. */
    private long awaitProcessors(Instant since, Duration timeout) throws Exception {
        long head = queryLong("SELECT max(global_index) FROM domain_event_entry");
        Instant until = Instant.now().plus(timeout);
        while (Instant.now().isBefore(until)) {
            long behind = queryLong("""
                    SELECT count(*) FROM token_entry WHERE processor_name IN ('%s')
                      AND coalesce((convert_from(token, 'UTF8')::jsonb ->> 'index')::bigint, -1) < ?"""
                    .formatted(String.join("', '", PROCESSORS)), head);
            long sealed = queryLong("SELECT count(*) FROM notary_leaf");
            if (behind == 0) {
                return Duration.between(since, Instant.now()).toMillis();
            }
            System.out.printf("  %d segments behind; notary sealed %d%n", behind, sealed);
            Thread.sleep(10_000);
        }
        throw new IllegalStateException("the projections did not catch up in " + timeout);
    }

    /**
     * Every read table as a row count and a sum of its rows' hashes (each row as JSON, all columns), so the read side
     * before and after a rebuild is compared row for row without holding it in memory. History tables included;
     * the notary's tables and the record of audit reads are not read tables (no processor writes them).
     */
    private Map<String, String> readSide() throws SQLException {
        Map<String, String> tables = new java.util.TreeMap<>();
        for (String table : sizes().keySet()) {
            if (HistoryReport.STORE.contains(table) || HistoryReport.NOT_READ_SIDE.contains(table)
                    || table.startsWith("notary_") || table.equals("audit_read")) {
                continue;
            }
            try (Connection c = dataSource.getConnection(); ResultSet rs = c.createStatement().executeQuery(
                    "SELECT count(*) || ' rows, ' || coalesce(sum(hashtextextended(to_jsonb(t)::text, 0)), 0) FROM "
                            + table + " t")) {
                rs.next();
                tables.put(table, rs.getString(1));
            }
        }
        return tables;
    }

    private Map<String, Long> sizes() throws SQLException {
        Map<String, Long> sizes = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); ResultSet rs = c.createStatement().executeQuery("""
                SELECT relname, pg_total_relation_size(c.oid) FROM pg_class c
                JOIN pg_namespace s ON s.oid = c.relnamespace AND s.nspname = 'public'
                WHERE c.relkind = 'r' ORDER BY 2 DESC""")) {
            while (rs.next()) {
                sizes.put(rs.getString(1), rs.getLong(2));
            }
        }
        return sizes;
    }

    record RawRead(long events, long bytes, long millis) {
        double perSecond() {
            return events * 1000.0 / millis;
        }
    }

    record DecodedRead(long events, long millis, long cpuMillis) {
        double perSecond() {
            return events * 1000.0 / millis;
        }
    }

    /**
     * The floor under any rebuild through Axon: the store read by its storage engine and every event's payload,
     * metadata and time decoded, as a replay's reader does, with no projection applying them.
     */
    static DecodedRead decodedRead(EventStorageEngine storage) {
        long start = System.nanoTime();
        long cpuStart = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        long events = 0;
        try (Stream<? extends TrackedEventMessage<?>> stream = storage.readEvents(null, false)) {
            Iterator<? extends TrackedEventMessage<?>> read = stream.iterator();
            while (read.hasNext()) {
                TrackedEventMessage<?> event = read.next();
                event.getPayload();
                event.getMetaData();
                event.getTimestamp();
                events++;
            }
        }
        return new DecodedRead(events, (System.nanoTime() - start) / 1_000_000,
                (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStart) / 1_000_000);
    }

    /** The baseline: every column of every stored event, streamed in store order as a projection reads it. */
    static RawRead rawRead(DataSource dataSource) throws SQLException {
        long start = System.nanoTime();
        long events = 0;
        long bytes = 0;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement read = c.prepareStatement("SELECT * FROM domain_event_entry ORDER BY global_index")) {
                read.setFetchSize(10_000);
                try (ResultSet rs = read.executeQuery()) {
                    while (rs.next()) {
                        events++;
                        bytes += rs.getBytes("payload").length + rs.getBytes("meta_data").length
                                + rs.getString("aggregate_identifier").length() + rs.getString("time_stamp").length();
                    }
                }
            }
            c.commit();
        }
        return new RawRead(events, bytes, (System.nanoTime() - start) / 1_000_000);
    }

    /** Each view live and as of random instants over the ten years (the same random views for both). */
    private List<Scenario> historyReads() throws Exception {
        java.util.Random random = new java.util.Random(42);
        List<Scenario> scenarios = new ArrayList<>();
        for (String view : HISTORY_VIEWS.keySet()) {
            for (boolean asOf : HISTORY_VIEWS.get(view) ? new boolean[]{false, true} : new boolean[]{false}) {

                long[] nanos = new long[200];
                for (int i = 0; i < nanos.length; i++) {
                    int y = FIRST_YEAR + 1 + random.nextInt(YEARS - 1);
                    String path = view.replace("{n}", "B%02d".formatted(random.nextInt(NAMNDER)))
                            .replace("{y}", String.valueOf(y));
                    if (asOf) {
                        // an instant in the year after the plan's, when its follow-up is being written (not later
                        // than now: a view as of the future is refused)
                        Instant at = LocalDate.of(y + 1, 1 + random.nextInt(12), 1)
                                .atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
                        path += (path.contains("?") ? "&" : "?") + "asOf=" + (at.isAfter(Instant.now())
                                ? Instant.now().minusSeconds(1) : at);
                    }
                    long t = System.nanoTime();
                    HttpResponse<String> response = send(path);
                    nanos[i] = System.nanoTime() - t;
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("GET " + path + " → " + response.statusCode() + " "
                                + response.body());
                    }
                }
                scenarios.add(scenario((asOf ? "as of " : "live ") + view, 1, nanos, nanos.length, 0));
                System.out.println(scenarios.get(scenarios.size() - 1));
            }
        }
        return scenarios;
    }

    /** Waits until the notary has sealed every event, then times one verification of the whole log. */
    private long verifyNotary(long events) throws Exception {
        while (queryLong("SELECT count(*) FROM notary_leaf") < events) {
            System.out.printf("  notary sealed %d of %d%n", queryLong("SELECT count(*) FROM notary_leaf"), events);
            Thread.sleep(10_000);
        }
        HttpRequest checkpoint = HttpRequest.newBuilder(URI.create(baseUrl + "/api/admin/notary/checkpoints"))
                .header("Authorization", AUTHORIZATION).POST(HttpRequest.BodyPublishers.noBody()).build();
        http.send(checkpoint, HttpResponse.BodyHandlers.ofString());
        long start = System.nanoTime();
        HttpResponse<String> verified = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/admin/notary/verify"))
                .header("Authorization", AUTHORIZATION).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (!verified.body().contains("\"ok\":true")) {
            throw new IllegalStateException("verification failed: " + verified.body());
        }
        return millis;
    }

    record HistoryReport(long events, long templateEvents, long cloneSeconds, long liveProjectionMillis,
                         Map<String, Long> tableBytes, RawRead raw, RawRead rawBeforeRebuild, DecodedRead decoded,
                         long rebuildMillis,
                         long rebuildCpuMillis, Map<String, Long> rebuildByProcessor, List<String> comparedTables, List<String> differingTables,
                         long verifyMillis, double loadAverage, List<Scenario> reads, List<Statement> rebuildStatements,
                         LocalDate date) {

        private static final List<String> STORE = List.of("domain_event_entry", "snapshot_event_entry");
        private static final List<String> NOT_READ_SIDE = List.of("token_entry", "dead_letter_entry",
                "idempotency_record", "flyway_schema_history", "notary_development_key", "benchmark_baseline");

        long eventStoreBytes() {
            return STORE.stream().mapToLong(t -> tableBytes.getOrDefault(t, 0L)).sum();
        }

        long readSideBytes() {
            return tableBytes.entrySet().stream().filter(e -> !STORE.contains(e.getKey())
                    && !NOT_READ_SIDE.contains(e.getKey())).mapToLong(Map.Entry::getValue).sum();
        }

        void write(Path directory, String name) throws IOException {
            Files.createDirectories(directory);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("date", date.toString());
            json.put("machine", machine());
            json.put("events", events);
            json.put("report", this);
            new ObjectMapper().findAndRegisterModules().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValue(directory.resolve(name + ".json").toFile(), json);
            double rebuildRate = events * 1000.0 / rebuildMillis;
            double rawRate = (raw.perSecond() + rawBeforeRebuild.perSecond()) / 2;
            StringBuilder md = new StringBuilder("""
                    # History at scale (%s)

                    %,d events (one nämnd-year of %,d events written through the API, cloned in SQL into %d nämnder ×
                    10 years in %d s); %d cores. Figures from `./mvnw -B -Pbenchmark -pl deploy -am verify -DskipTests
                    -Dbenchmark.history-events=%d%s`. The raw sequential read (every column of every event, in store
                    order) was timed twice: after the live projection (%,.0f events/s) and just before the rebuild
                    (%,.0f events/s); the ratio is against their mean.

                    | measure | figure | baseline (same run) | ratio | bound |
                    |---|---:|---:|---:|---|
                    | read-side storage | %,d MB | event store %,d MB | %.2f × | ≤ 3 × |
                    | full rebuild (every processor at once) | %,.0f events/s (%.1f s) | raw sequential read %,.0f events/s (%.1f s) | %.3f | ≥ 0.5 |
                    | the store read and decoded by Axon alone, no projection (a rebuild's reader; thread CPU %.1f s) | %,.0f events/s (%.1f s) | raw sequential read %,.0f events/s | %.3f | |
                    | live projection of the cloned events | %,.0f events/s (%d s) | | | |
                    | notary verification of every event | %.1f s | raw sequential read %.1f s | %.1f × | aim < 10 s |

                    Rebuild by processor (ms until each had caught up; they ran side by side): %s. The service's
                    CPU time during the rebuild: %.1f s of %.1f s × %d cores (PostgreSQL's not counted); the machine's
                    load average when it ended: %.1f (other work on the same cores stretches every figure here).

                    Rebuild equals live: %s (%d read tables compared row for row before and after, histories included:
                    %s).

                    | view | p50 | p99 |
                    |---|---:|---:|
                    """.formatted(date, events, templateEvents, NAMNDER, cloneSeconds, Runtime.getRuntime().availableProcessors(),
                    events, NAMNDER == 50 ? "" : " -Dbenchmark.history-namnder=" + NAMNDER, raw.perSecond(),
                    rawBeforeRebuild.perSecond(), readSideBytes() >> 20,
                    eventStoreBytes() >> 20, (double) readSideBytes() / eventStoreBytes(), rebuildRate,
                    rebuildMillis / 1000.0, rawRate, events / rawRate, rebuildRate / rawRate,
                    decoded.cpuMillis() / 1000.0, decoded.perSecond(), decoded.millis() / 1000.0, rawRate,
                    decoded.perSecond() / rawRate,
                    events * 1000.0 / liveProjectionMillis, liveProjectionMillis / 1000, verifyMillis / 1000.0,
                    raw.millis() / 1000.0, (double) verifyMillis / raw.millis(), rebuildByProcessor,
                    rebuildCpuMillis / 1000.0, rebuildMillis / 1000.0, Runtime.getRuntime().availableProcessors(),
                    loadAverage,
                    differingTables.isEmpty() ? "**yes**" : "**no**, differing: " + differingTables,
                    comparedTables.size(), String.join(", ", comparedTables)));
            reads.forEach(r -> md.append("| %s | %.1f ms | %.1f ms |%n".formatted(r.name(), r.p50Ms(), r.p99Ms())));
            md.append("""

                    Where PostgreSQL spent the rebuild (pg_stat_statements: execution time only, not parsing, commits
                    or the time a statement's client waited for a core):

                    | statement | calls | rows | total ms |
                    |---|---:|---:|---:|
                    """);
            rebuildStatements.forEach(st -> md.append("| `%s` | %,d | %,d | %,.0f |%n".formatted(
                    st.query().replace("|", "\\|"), st.calls(), st.rows(), st.totalMillis())));
            md.append("\n| table | bytes |\n|---|---:|\n");
            tableBytes.forEach((table, bytes) -> md.append("| %s | %,d |%n".formatted(table, bytes)));
            Files.writeString(directory.resolve(name + ".md"), md.toString());
        }
    }

    /** The read side catches up asynchronously: measure only once every nämnd's entry is there. */
    private void awaitCount(String path, String needle, int count) throws Exception {
        for (int i = 0; i < 3000; i++) {
            if (getBody(path).split(needle, -1).length - 1 >= count) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(path + " did not catch up");
    }

    /**
     * After the write scenarios the views are far behind, longer than a read with minVersion waits (409 then): ask
     * again until the view shows the version.
     */
    private void awaitVersion(String path, long version) throws Exception {
        for (int i = 0; i < 150; i++) {
            HttpResponse<String> response = send(path + "?minVersion=" + version);
            if (response.statusCode() == 200) {
                return;
            }
            if (response.statusCode() != 409) {
                throw new IllegalStateException("GET " + path + " → " + response.statusCode());
            }
        }
        throw new IllegalStateException(path + " did not reach version " + version);
    }

    private Scenario reads(String name, int requests, String path) throws Exception {
        get(path);
        long[] nanos = new long[requests];
        Instant start = Instant.now();
        for (int i = 0; i < requests; i++) {
            long t = System.nanoTime();
            get(path);
            nanos[i] = System.nanoTime() - t;
        }
        return scenario(name, 1, nanos, requests, Duration.between(start, Instant.now()).toNanos() / 1e9);
    }

    interface Operation {
        void run() throws Exception;
    }

    interface ClientSetup {
        Operation prepare(int client) throws Exception;
    }

    /** Runs each client in a loop for the warm-up then the measured window, recording every operation's latency. */
    private Scenario run(String name, int clients, ClientSetup setup) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Operation> operations = new ArrayList<>();
            for (int client = 0; client < clients; client++) {
                operations.add(setup.prepare(client));
            }
            Instant measureFrom = Instant.now().plus(WARM_UP);
            Instant until = measureFrom.plus(MEASURE);
            List<Future<long[]>> results = new ArrayList<>();
            for (Operation operation : operations) {
                results.add(pool.submit((Callable<long[]>) () -> {
                    long[] latencies = new long[1 << 16];
                    int count = 0;
                    while (Instant.now().isBefore(until)) {
                        long t = System.nanoTime();
                        operation.run();
                        if (!Instant.now().isBefore(measureFrom) && count < latencies.length) {
                            latencies[count++] = System.nanoTime() - t;
                        }
                    }
                    return Arrays.copyOf(latencies, count);
                }));
            }
            List<long[]> all = new ArrayList<>();
            for (Future<long[]> result : results) {
                all.add(result.get());
            }
            long[] merged = all.stream().flatMapToLong(Arrays::stream).toArray();
            return scenario(name, clients, merged, merged.length, MEASURE.toNanos() / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Scenario scenario(String name, int clients, long[] nanos, long operations, double seconds) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Scenario(name, clients, operations, seconds, operations / seconds, percentile(sorted, 0.50),
                percentile(sorted, 0.99));
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    private String post(String path, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json").header("Authorization", AUTHORIZATION)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException("POST " + path + " → " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private void get(String path) throws IOException, InterruptedException {
        getBody(path);
    }

    private String getBody(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = send(path);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " → " + response.statusCode());
        }
        return response.body();
    }

    private HttpResponse<String> send(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", AUTHORIZATION)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The machine a report's figures were measured on. */
    static Map<String, Object> machine() {
        return Map.of("cores", Runtime.getRuntime().availableProcessors(), "java", System.getProperty("java.version"),
                "os", System.getProperty("os.name"));
    }

    /** The audit reads at scale, as docs/benchmarks/audit-1m.{json,md} (the figures, then each read's plan). */
    record AuditReport(long rows, long fillSeconds, long auditTrailBytes, List<MeasuredRead> reads, LocalDate date) {

        void write(Path directory) throws IOException {
            Files.createDirectories(directory);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("date", date.toString());
            json.put("machine", machine());
            json.put("syntheticRows", rows);
            json.put("fillSeconds", fillSeconds);
            json.put("auditTrailBytes", auditTrailBytes);
            json.put("reads", reads);
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValue(directory.resolve("audit-1m.json").toFile(), json);
            StringBuilder md = new StringBuilder("# Audit reads at " + rows + " synthetic rows (" + date + ")\n\n");
            md.append(String.format(java.util.Locale.ROOT, "Machine: %d cores, Java %s, embedded PostgreSQL 17 on the "
                    + "same host. audit_entry filled and vacuumed in %d s with %d synthetic rows (%.0f MB with indexes and TOAST); "
                    + "300 requests per read, one client, after one unmeasured request.%n%n",
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), fillSeconds,
                    rows, auditTrailBytes / 1e6));
            md.append("| read | p50 ms | p99 ms | SQL alone (EXPLAIN ANALYZE) ms | index | seq scan | sort |\n"
                    + "|---|---:|---:|---:|---|---|---|\n");
            for (MeasuredRead read : reads) {
                md.append(String.format(java.util.Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %s | %s | %s |%n",
                        read.scenario().name(), read.scenario().p50Ms(), read.scenario().p99Ms(), read.explainMs(),
                        read.indexes(), read.seqScan() ? "yes" : "no", read.sort() ? "yes" : "no"));
            }
            for (MeasuredRead read : reads) {
                md.append("\n## ").append(read.scenario().name()).append("\n\n```\n").append(read.plan())
                        .append("```\n");
            }
            Files.writeString(directory.resolve("audit-1m.md"), md.toString());
        }
    }

    /** Writes the figures as JSON (for machines and later comparison) and Markdown (for people). */
    record BenchmarkReport(List<Scenario> scenarios, Store store, LocalDate date) {

        void write(Path directory) throws IOException {
            Files.createDirectories(directory);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("date", date.toString());
            json.put("machine", machine());
            json.put("warmUpSeconds", WARM_UP.toSeconds());
            json.put("measureSeconds", MEASURE.toSeconds());
            json.put("scenarios", scenarios);
            json.put("ledgerToBaseline", ratios());
            json.put("store", store);
            json.put("auditTrailToEventStore", store.auditTrailToEventStore());
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValue(directory.resolve("plan-ledger.json").toFile(), json);
            Files.writeString(directory.resolve("plan-ledger.md"), markdown());
        }

        Map<String, Double> ratios() {
            Map<String, Double> ratios = new LinkedHashMap<>();
            for (int clients : CLIENTS) {
                Scenario raw = find("raw", clients);
                Scenario ledger = find("ledger POST", clients);
                ratios.put(clients + " clients", Math.round(ledger.perSecond() / raw.perSecond() * 1000) / 1000.0);
            }
            return ratios;
        }

        private Scenario find(String prefix, int clients) {
            return scenarios.stream().filter(s -> s.name().startsWith(prefix) && s.clients() == clients).findFirst()
                    .orElseThrow();
        }

        String markdown() {
            StringBuilder md = new StringBuilder("# Plan ledger benchmark (" + date + ")\n\n");
            md.append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
                    .append(System.getProperty("java.version")).append(", embedded PostgreSQL 17 on the same host, ")
                    .append(WARM_UP.toSeconds()).append(" s warm-up then ").append(MEASURE.toSeconds())
                    .append(" s measured per row.\n\n");
            md.append("| scenario | clients | operations | ops/s | p50 ms | p99 ms |\n|---|---:|---:|---:|---:|---:|\n");
            for (Scenario s : scenarios) {
                md.append(String.format(java.util.Locale.ROOT, "| %s | %d | %d | %.1f | %.2f | %.2f |%n", s.name(),
                        s.clients(), s.operations(), s.perSecond(), s.p50Ms(), s.p99Ms()));
            }
            md.append("\nLedger appends per second as a share of the raw baseline in the same run:\n\n");
            ratios().forEach((clients, ratio) -> md.append("- ").append(clients).append(": ")
                    .append(String.format(java.util.Locale.ROOT, "%.3f", ratio)).append("\n"));
            md.append(String.format(java.util.Locale.ROOT, "%nMeasured at %d events in the store; the audit trail "
                    + "holds %d rows for them. Event store "
                    + "(domain_event_entry) %.1f MB, audit trail (audit_entry) %.1f MB, each with its indexes and "
                    + "TOAST: the audit trail is %.2f × the event store.%n", store.events(), store.auditTrailRows(),
                    store.eventStoreBytes() / 1e6, store.auditTrailBytes() / 1e6, store.auditTrailToEventStore()));
            return md.toString();
        }
    }
}
