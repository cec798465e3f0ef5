package se.uppfoljningsliggaren.command.web;

import jakarta.servlet.http.HttpServletRequest;
import se.uppfoljningsliggaren.command.CommandRejectedException;
import se.uppfoljningsliggaren.kernel.LedgerMetadata;
import se.uppfoljningsliggaren.kernel.value.InputPolicy;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Who is writing, why, and which retry-safe request this is. Until sign-in exists the principal is declared in the
 * {@value #PRINCIPAL_HEADER} header; a write without one is refused, never anonymous.
 */
public record WriteContext(String principal, String reason, String idempotencyKey, Long expectedVersion) {

    public static final String PRINCIPAL_HEADER = "X-Principal";
    public static final String REASON_HEADER = "X-Reason";
    public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

    private static final Pattern PRINCIPAL = Pattern.compile("[\\p{L}\\p{N}._@+ -]{1,100}");
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");
    private static final Pattern PERCENT_ESCAPE = Pattern.compile("%[0-9A-Fa-f]{2}");
    private static final Pattern VERSION = Pattern.compile("(?:W/)?\"?(\\d{1,18})\"?");

    public static WriteContext of(HttpServletRequest request) {
        String principal = request.getHeader(PRINCIPAL_HEADER);
        if (principal == null || principal.isBlank()) {
            throw new UnauthenticatedWriteException();
        }
        if (!PRINCIPAL.matcher(principal).matches()) {
            throw CommandRejectedException.invalid(PRINCIPAL_HEADER, "the principal is 1–100 letters, digits and . _ @ + -");
        }
        String reason = InputPolicy.text(decoded(request.getHeader(REASON_HEADER)), REASON_HEADER);
        String key = request.getHeader(IDEMPOTENCY_HEADER);
        if (key != null && !KEY.matcher(key).matches()) {
            throw CommandRejectedException.invalid(IDEMPOTENCY_HEADER, "the key is 1–200 visible ASCII characters");
        }
        return new WriteContext(principal.strip(), reason, key, expectedVersion(request.getHeader("If-Match")));
    }

    /**
     * HTTP header values are ISO-8859-1 at best, so a reason in Swedish travels percent-encoded UTF-8
     * ("Del%C3%A5rsrapport"); a value without any %XX escape is taken as it is ("50 % klart").
     */
    private static String decoded(String header) {
        if (header == null || !PERCENT_ESCAPE.matcher(header).find()) {
            return header;
        }
        try {
            return URLDecoder.decode(header.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw CommandRejectedException.invalid(REASON_HEADER,
                    "the reason is percent-encoded UTF-8 where it is not ASCII, e.g. Del%C3%A5rsrapport");
        }
    }

    private static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        var m = VERSION.matcher(ifMatch.strip());
        if (!m.matches()) {
            throw CommandRejectedException.invalid("If-Match", "If-Match carries the plan version you saw, e.g. \"3\"");
        }
        return Long.valueOf(m.group(1));
    }

    Map<String, Object> metadata() {
        Map<String, Object> metadata = new HashMap<>();
        metadata.put(LedgerMetadata.PRINCIPAL, principal);
        if (reason != null && !reason.isBlank()) {
            metadata.put(LedgerMetadata.REASON, reason);
        }
        if (idempotencyKey != null) {
            metadata.put(LedgerMetadata.IDEMPOTENCY_KEY, idempotencyKey);
        }
        return metadata;
    }
}
