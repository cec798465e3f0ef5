package se.uppfoljningsliggaren.command.web;

import jakarta.servlet.http.HttpServletRequest;
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
        WriteContext context = read(request);
        if (context.principal() == null) {
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
        String principal = request.getHeader(PRINCIPAL_HEADER);
        if (principal != null && !principal.isBlank() && !PRINCIPAL.matcher(principal).matches()) {
            throw new InputPolicy.InvalidInputException(PRINCIPAL_HEADER,
                    "is 1–100 letters, digits, spaces and . _ @ + -");
        }
        String reason = InputPolicy.text(decoded(request.getHeader(REASON_HEADER)), REASON_HEADER);
        String key = request.getHeader(IDEMPOTENCY_HEADER);
        if (key != null && !KEY.matcher(key).matches()) {
            throw new InputPolicy.InvalidInputException(IDEMPOTENCY_HEADER, "is 1–200 visible ASCII characters");
        }
        return new WriteContext(principal == null || principal.isBlank() ? null : principal.strip(), reason, key,
                expectedVersion(request.getHeader("If-Match")));
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
            throw new InputPolicy.InvalidInputException("If-Match", "carries the version you saw, e.g. \"3\"");
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
