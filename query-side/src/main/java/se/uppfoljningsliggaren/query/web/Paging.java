package se.uppfoljningsliggaren.query.web;

import org.springframework.http.HttpStatus;

/** The paging parameters of keyset-paged reads: {@code after} a store position, at most {@code limit} entries. */
public final class Paging {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 500;

    private Paging() {
    }

    public static int limit(Integer limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ViewFreshness.problem(HttpStatus.BAD_REQUEST, "limit", "a page holds 1–" + MAX_LIMIT + " entries");
        }
        return limit;
    }

    public static Long after(Long after) {
        if (after != null && after < 0) {
            throw ViewFreshness.problem(HttpStatus.BAD_REQUEST, "after", "a position is 0 or more");
        }
        return after;
    }
}
