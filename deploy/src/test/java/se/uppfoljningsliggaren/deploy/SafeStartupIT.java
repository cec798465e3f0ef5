package se.uppfoljningsliggaren.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One service owns a data directory: a second one on it refuses to start; a server left by a killed one is taken over. */
class SafeStartupIT {

    @Test
    void a_second_service_on_the_same_data_directory_refuses_to_start_and_the_first_keeps_serving(@TempDir Path dir)
            throws Exception {
        LedgerApplication.disableAxonUsageReporting();
        String[] args = args(dir.resolve("pgdata"));
        try (ConfigurableApplicationContext first = SpringApplication.run(LedgerApplication.class, args)) {
            RestClient api = api(first);
            write(api, "/api/namnder", "{\"code\": \"SST\", \"name\": \"Servicenämnden\"}");
            Path pgdata = dir.resolve("pgdata").toRealPath();
            String serverPid = Files.readAllLines(pgdata.resolve("postmaster.pid")).get(0);

            assertThatThrownBy(() -> SpringApplication.run(LedgerApplication.class, args).close())
                    .rootCause()
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(pgdata.toString())
                    .hasMessageContaining("owned by another running service");

            // The first service's server was left alone: same pid file, still running, still taking new sessions.
            assertThat(Files.readAllLines(pgdata.resolve("postmaster.pid")).get(0)).isEqualTo(serverPid);
            write(api, "/api/plans", "{\"namnd\": \"SST\", \"year\": 2026, \"title\": \"Verksamhetsplan 2026\"}");
            write(api, "/api/plans/SST-2026/goals", """
                    {"goalId": "m1", "kind": "MALSATTNING", "origin": "RF", "numbering": "1",
                     "title": "En trygg och säker service"}""");
            write(api, "/api/plans/SST-2026/goals", """
                    {"goalId": "m2", "kind": "MALSATTNING", "origin": "RF", "numbering": "2",
                     "title": "Digitala lösningar för en enklare vardag"}""");
            JsonNode plan = api.get().uri("/api/plans/SST-2026?minVersion=2").retrieve().body(JsonNode.class);
            assertThat(plan.at("/goals/1/title").asText()).startsWith("Digitala lösningar");
            EmbeddedPostgres postgres = first.getBean(EmbeddedPostgres.class);
            try (Connection fresh = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"));
                 ResultSet one = fresh.createStatement().executeQuery("SELECT 1")) {
                assertThat(one.next()).isTrue();
            }
        }
    }

    @Test
    void a_server_left_running_by_a_killed_service_is_shut_down_and_the_data_opened_again(@TempDir Path dir)
            throws Exception {
        LedgerApplication.disableAxonUsageReporting();
        Path pgdata = dir.resolve("pgdata");
        long orphanPid = startAndKillAServiceLeavingItsServer(pgdata);
        try {
            assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive)).contains(true);
            try (ConfigurableApplicationContext service = SpringApplication.run(LedgerApplication.class,
                    args(pgdata))) {
                assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
                RestClient api = api(service);
                write(api, "/api/namnder", "{\"code\": \"ORF\", \"name\": \"Servicenämnden\"}");
                write(api, "/api/plans", "{\"namnd\": \"ORF\", \"year\": 2026, \"title\": \"Verksamhetsplan 2026\"}");
                assertThat(api.get().uri("/api/plans/ORF-2026?minVersion=0").retrieve().body(JsonNode.class)
                        .get("title").asText()).isEqualTo("Verksamhetsplan 2026");
            }
        } finally {
            ProcessHandle.of(orphanPid).ifPresent(ProcessHandle::destroy);
        }
    }

    /**
     * Runs {@link LeftBehindServer} in a JVM of its own and kills it (SIGKILL, no shutdown hooks), as a killed
     * service would be: its PostgreSQL, daemonised by pg_ctl, goes on running. Answers that server's pid.
     */
    private static long startAndKillAServiceLeavingItsServer(Path pgdata) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process service = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                LeftBehindServer.class.getName(), pgdata.toString())
                .redirectErrorStream(true)
                .start();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(service.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith(LeftBehindServer.READY)) {
                    return Long.parseLong(line.substring(LeftBehindServer.READY.length()).strip());
                }
            }
            throw new AssertionError("The service to be killed ended before its PostgreSQL was up");
        } finally {
            service.destroyForcibly();
            assertThat(service.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    /** A stand-in for a service: starts PostgreSQL on a data directory (without the service's lock) and waits. */
    static final class LeftBehindServer {
        static final String READY = "POSTGRES-READY ";

        public static void main(String[] args) throws Exception {
            Path pgdata = Path.of(args[0]);
            EmbeddedPostgres.builder().setDataDirectory(pgdata).setCleanDataDirectory(false)
                    .setOutputRedirector(Redirect.DISCARD).setErrorRedirector(Redirect.DISCARD).start();
            System.out.println(READY + Files.readAllLines(pgdata.resolve("postmaster.pid")).get(0));
            System.out.flush();
            System.in.read();
        }
    }

    private static String[] args(Path pgdata) {
        return StandaloneService.args(pgdata);
    }

    private static RestClient api(ConfigurableApplicationContext context) {
        return StandaloneService.api(context);
    }

    private static void write(RestClient api, String path, String body) {
        api.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toBodilessEntity();
    }
}
