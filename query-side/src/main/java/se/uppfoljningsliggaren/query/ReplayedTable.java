package se.uppfoljningsliggaren.query;

import java.util.Set;

/**
 * A table a processor writes a row into for (nearly) every event, declared by its projection: while a full replay
 * of that processor runs, the table's secondary indexes are dropped and built again at its end (building an index
 * once from the finished table costs a fraction of maintaining it row by row), except those the projection itself
 * reads by while it applies events. Unique indexes always stay: they guard the rows.
 */
public record ReplayedTable(String processor, String table, Set<String> readWhileReplaying) {
}
