package se.uppfoljningsliggaren.command.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import se.uppfoljningsliggaren.command.access.Caller;
import se.uppfoljningsliggaren.command.access.CallerSource;
import se.uppfoljningsliggaren.command.access.WritePolicy;
import se.uppfoljningsliggaren.kernel.LedgerMetadata;
import se.uppfoljningsliggaren.kernel.source.Provenance;
import se.uppfoljningsliggaren.kernel.value.InputPolicy;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Who is writing (the signed-in caller, never a header the client fills in), why, where its content comes from, and
 * which retry-safe request this is. A write without a signed-in caller is refused, never anonymous.
 *
 * @param source the X-Source the write gave (null: none), kept with every event it causes
 */
public record WriteContext(Caller caller, String reason, String idempotencyKey, Long expectedVersion,
                           String requestId, Provenance source) {

    public static final String REASON_HEADER = "X-Reason";
    public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
    public static final String REQUEST_ID_HEADER = "X-Correlation-Id";
    public static final String SOURCE_HEADER = Provenance.HEADER;

    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");
    private static final Pattern PERCENT_ESCAPE = Pattern.compile("%[0-9A-Fa-f]{2}");
    /** A strong tag only: a weak one (W/"3") never matches under If-Match (RFC 9110 §13.1.1). */
    private static final Pattern VERSION = Pattern.compile("\"?(\\d{1,18})\"?");

    public static WriteContext of(HttpServletRequest request) {
        WriteContext context = read(request);
        if (context.caller() == null) {
            throw new UnauthenticatedWriteException();
        }
        return context;
    }

    /**
     * Reads and checks the ledger's headers of any request, present or not; a malformed one is refused (400, naming
     * the header). The boundary calls this for every request before its body is read, so a bad header is reported
     * as such whatever else is wrong.
     */
    public static WriteContext read(HttpServletRequest request) {
        String reason = InputPolicy.text(decoded(request.getHeader(REASON_HEADER)), REASON_HEADER);
        String key = checkedKey(request.getHeader(IDEMPOTENCY_HEADER), IDEMPOTENCY_HEADER);
        String requestId = checkedKey(request.getHeader(REQUEST_ID_HEADER), REQUEST_ID_HEADER);
        return new WriteContext(caller(request), reason, key, expectedVersion(request.getHeader("If-Match")),
                requestId != null ? requestId : UUID.randomUUID().toString(),
                Provenance.parse(request.getHeader(SOURCE_HEADER)));
    }

    /** The signed-in caller, as the security layer (deploy) put it in the request, or null. */
    private static Caller caller(HttpServletRequest request) {
        return request.getUserPrincipal() instanceof Authentication authentication && authentication.isAuthenticated()
                && authentication.getPrincipal() instanceof CallerSource source ? source.caller() : null;
    }

    /** The stable id of who writes: the key of their idempotency records. */
    public String principal() {
        return caller.subject();
    }

    private static String checkedKey(String value, String header) {
        if (value != null && !KEY.matcher(value).matches()) {
            throw new InputPolicy.InvalidInputException(header, "is 1–200 visible ASCII characters");
        }
        return value;
    }

    /**
     * HTTP header values are ISO-8859-1 at best, so a reason in Swedish travels percent-encoded UTF-8
     * ("Del%C3%A5rsrapport"); a value without any %XX escape is taken as it is ("50 % klart").
     */
    private static String decoded(String header) {
        if (header == null) {
            return null;
        }
        // raw bytes beyond ASCII would be read as ISO-8859-1 and kept garbled ("DelÃ¥rsrapport"): refused instead
        if (!header.chars().allMatch(c -> c >= 0x20 && c < 0x7F || c == '\t')) {
            throw new InputPolicy.InvalidInputException(REASON_HEADER,
                    "is ASCII, with the rest percent-encoded as UTF-8, e.g. Del%C3%A5rsrapport");
        }
        if (!PERCENT_ESCAPE.matcher(header).find()) {
            return header;
        }
        try {
            return URLDecoder.decode(header.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InputPolicy.InvalidInputException(REASON_HEADER,
                    "is percent-encoded UTF-8 where it is not ASCII, e.g. Del%C3%A5rsrapport");
        }
    }

    private static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        var m = VERSION.matcher(ifMatch.strip());
        if (!m.matches()) {
            throw new InputPolicy.InvalidInputException("If-Match", "carries the version you saw as the strong tag "
                    + "the read answered, e.g. \"3\"");
        }
        return Long.valueOf(m.group(1));
    }

    /**
     * Who, in which role and scope, through which client, when, why, from which source and in which request: every
     * event keeps it.
     */
    Map<String, Object> metadata(WritePolicy.Grant grant) {
        Map<String, Object> metadata = new HashMap<>();
        metadata.put(LedgerMetadata.PRINCIPAL, caller.subject());
        metadata.put(LedgerMetadata.PRINCIPAL_NAME, caller.name());
        metadata.put(LedgerMetadata.ROLE, grant.role().name());
        metadata.put(LedgerMetadata.NAMND_SCOPE, grant.namndScope());
        metadata.put(LedgerMetadata.CLIENT, caller.client());
        metadata.put(LedgerMetadata.RECORDED_AT, Instant.now().toString());
        metadata.put(LedgerMetadata.REQUEST_ID, requestId);
        if (reason != null && !reason.isBlank()) {
            metadata.put(LedgerMetadata.REASON, reason);
        }
        if (idempotencyKey != null) {
            metadata.put(LedgerMetadata.IDEMPOTENCY_KEY, idempotencyKey);
        }
        if (source != null) {
            metadata.putAll(source.metadata());
        }
        return metadata;
    }
}
