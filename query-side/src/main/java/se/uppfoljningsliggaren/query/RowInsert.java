package se.uppfoljningsliggaren.query;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.StringReader;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The insert of a projection's new rows, made in one of two ways to the same effect. Applying events as they come:
 * one JDBC batch of INSERT … ON CONFLICT DO NOTHING. In a full replay's lane (its tables emptied at the start, every
 * event applied once; see SharedReplay) through COPY, which PostgreSQL stores in bulk at a fraction of an INSERT's
 * cost per row; a row there twice fails its batch, which the processor then applies again one by one, by INSERT.
 * The rebuild-equals-live tests compare what the two ways stored.
 */
public final class RowInsert {

    /** A unit of work's resource, present in a full replay's lane. */
    public static final String REPLAYING = RowInsert.class.getName() + ".replaying";
    /** A column written {@code name::type}: its value is text the statement casts (json, jsonb). */
    private static final String CAST = "::";

    private final String insertSql;
    private final String copySql;

    private RowInsert(String table, List<String> columns) {
        String names = columns.stream().map(c -> c.contains(CAST) ? c.substring(0, c.indexOf(CAST)) : c)
                .collect(Collectors.joining(", "));
        this.insertSql = "INSERT INTO " + table + " (" + names + ") VALUES ("
                + columns.stream().map(c -> c.contains(CAST) ? "?" + c.substring(c.indexOf(CAST)) : "?")
                .collect(Collectors.joining(", "))
                + ") ON CONFLICT DO NOTHING";
        this.copySql = "COPY " + table + " (" + names + ") FROM STDIN";
    }

    /** The table's columns in the order of each row's values; a json column written {@code name::json}. */
    public static RowInsert into(String table, String... columns) {
        return new RowInsert(table, Arrays.asList(columns));
    }

    public void insert(JdbcTemplate jdbc, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        if (!replaying()) {
            jdbc.batchUpdate(insertSql, rows);
            return;
        }
        StringBuilder text = new StringBuilder(rows.size() * 256);
        for (Object[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    text.append('\t');
                }
                append(text, row[i]);
            }
            text.append('\n');
        }
        jdbc.execute((ConnectionCallback<Long>) connection -> {
            try {
                return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql,
                        new StringReader(text.toString()));
            } catch (java.io.IOException e) {
                throw new java.sql.SQLException("COPY into the read table failed", e);
            }
        });
    }

    private static boolean replaying() {
        return CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get().root().resources().containsKey(REPLAYING);
    }

    private static int firstEscaped(String string) {
        for (int i = 0; i < string.length(); i++) {
            char c = string.charAt(i);
            if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
                return i;
            }
        }
        return -1;
    }

    /**
     * An instant as COPY reads a timestamptz, "2026-12-03 08:12:04.002000000+00", by arithmetic (Instant's own
     * formatter stood out in a replay's profile).
     */
    private static void appendUtc(StringBuilder text, Timestamp timestamp) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(Math.floorDiv(timestamp.getTime(), 1000), timestamp.getNanos(),
                ZoneOffset.UTC);
        text.append(t.getYear()).append('-');
        twoDigits(text, t.getMonthValue()).append('-');
        twoDigits(text, t.getDayOfMonth()).append(' ');
        twoDigits(text, t.getHour()).append(':');
        twoDigits(text, t.getMinute()).append(':');
        twoDigits(text, t.getSecond());
        if (t.getNano() > 0) {
            String nanos = Integer.toString(t.getNano());
            text.append('.').append("000000000", nanos.length(), 9).append(nanos);
        }
        text.append("+00");
    }

    private static StringBuilder twoDigits(StringBuilder text, int value) {
        return text.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    /** A value in COPY's text format: \N for null, text with its backslash, tab and line ends escaped. */
    private static void append(StringBuilder text, Object value) {
        if (value == null) {
            text.append("\\N");
        } else if (value instanceof Timestamp timestamp) {
            appendUtc(text, timestamp);
        } else if (value instanceof Number || value instanceof Boolean) {
            text.append(value);
        } else if (value instanceof String string) {
            // whole runs between the characters COPY needs escaped (JSON text has few, most values none): a
            // StringBuilder appends part of a String char by char
            int from = 0;
            int first = firstEscaped(string);
            if (first < 0) {
                text.append(string);
                return;
            }
            for (int i = first; i < string.length(); i++) {
                String escaped = switch (string.charAt(i)) {
                    case '\\' -> "\\\\";
                    case '\t' -> "\\t";
                    case '\n' -> "\\n";
                    case '\r' -> "\\r";
                    default -> null;
                };
                if (escaped != null) {
                    text.append(string, from, i).append(escaped);
                    from = i + 1;
                }
            }
            text.append(string, from, string.length());
        } else {
            throw new IllegalArgumentException("no COPY text for a " + value.getClass().getName());
        }
    }
}
