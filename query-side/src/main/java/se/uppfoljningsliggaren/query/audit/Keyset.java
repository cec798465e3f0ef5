package se.uppfoljningsliggaren.query.audit;

import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Keyset pages: rows after a position, in position order, read one more than the limit so that a next page is
 * announced only when it exists. Unlike an offset, the cursor stays right while rows are appended.
 */
final class Keyset {

    private Keyset() {
    }

    record Slice<T>(List<T> rows, String next) {
    }

    /** @param rows read with {@code LIMIT limit + 1} */
    static <T> Slice<T> slice(List<T> rows, int limit, ToLongFunction<T> position) {
        if (rows.size() <= limit) {
            return new Slice<>(rows, null);
        }
        List<T> page = List.copyOf(rows.subList(0, limit));
        return new Slice<>(page, String.valueOf(position.applyAsLong(page.get(limit - 1))));
    }
}
