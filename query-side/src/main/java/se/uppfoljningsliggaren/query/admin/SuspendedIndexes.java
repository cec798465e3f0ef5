package se.uppfoljningsliggaren.query.admin;

import jakarta.annotation.PostConstruct;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import se.uppfoljningsliggaren.query.ReplayedTable;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Drops the secondary indexes of the {@link ReplayedTable}s of the processors a full replay rebuilds, and builds them
 * again when it ends. Each dropped index's definition is kept in suspended_index in the same transaction as the
 * drop, so an index is never lost: one a stopped service left dropped is built again when the service next starts,
 * before its processors run.
 */
@Component
public class SuspendedIndexes {

    private static final Logger log = LoggerFactory.getLogger(SuspendedIndexes.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final List<ReplayedTable> tables;

    SuspendedIndexes(JdbcTemplate jdbc, TransactionTemplate transaction, List<ReplayedTable> tables) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.tables = tables;
    }

    /**
     * Drops the secondary indexes of the processors' replayed tables. A table whose lock is not granted at once (a
     * long read holds it) keeps its indexes: the replay is then slower, never stuck.
     */
    public void suspend(Collection<String> processors) {
        for (ReplayedTable table : tables) {
            if (!processors.contains(table.processor())) {
                continue;
            }
            try {
                transaction.executeWithoutResult(status -> {
                    jdbc.execute("SET LOCAL lock_timeout = '5s'");
                    List<Map<String, Object>> indexes = jdbc.queryForList("""
                            SELECT i.indexname, i.indexdef FROM pg_indexes i
                            JOIN pg_index x ON x.indexrelid = format('%I.%I', i.schemaname, i.indexname)::regclass
                            WHERE i.schemaname = current_schema() AND i.tablename = ? AND NOT x.indisunique
                              AND i.indexname <> ALL (?)""", table.table(),
                            table.readWhileReplaying().toArray(String[]::new));
                    for (Map<String, Object> index : indexes) {
                        jdbc.update("INSERT INTO suspended_index (index_name, table_name, definition) VALUES (?, ?, ?)",
                                index.get("indexname"), table.table(), index.get("indexdef"));
                        jdbc.execute("DROP INDEX " + quoted((String) index.get("indexname")));
                    }
                });
            } catch (DataAccessException locked) {
                log.warn("The indexes of {} stay during the replay: {}", table.table(), locked.getMessage());
            }
        }
    }

    /**
     * Builds every suspended index again, each in its own transaction with the removal of its record; a record
     * another process is building meanwhile is left to it.
     */
    @PostConstruct
    public void restore() {
        for (String name : jdbc.queryForList("SELECT index_name FROM suspended_index ORDER BY index_name",
                String.class)) {
            long start = System.nanoTime();
            boolean built = Boolean.TRUE.equals(transaction.execute(status -> {
                List<String> definition = jdbc.queryForList("SELECT definition FROM suspended_index "
                        + "WHERE index_name = ? FOR UPDATE SKIP LOCKED", String.class, name);
                if (definition.isEmpty()) {
                    return false;
                }
                // an index is built by sorting the table: more memory than the default keeps it in one pass
                jdbc.execute("SET LOCAL maintenance_work_mem = '256MB'");
                jdbc.execute(definition.get(0));
                jdbc.update("DELETE FROM suspended_index WHERE index_name = ?", name);
                return true;
            }));
            if (built) {
                log.info("Built index {} again in {} ms", name, (System.nanoTime() - start) / 1_000_000);
            }
        }
    }

    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
