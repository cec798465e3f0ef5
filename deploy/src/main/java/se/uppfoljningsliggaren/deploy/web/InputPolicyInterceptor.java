package se.uppfoljningsliggaren.deploy.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.MethodParameter;
import org.springframework.lang.NonNull;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import se.uppfoljningsliggaren.command.web.WriteContext;
import se.uppfoljningsliggaren.kernel.value.InputPolicy;

import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * {@link InputPolicy} for what a URL and the ledger's headers carry, on every endpoint, before a body is read: the
 * headers by {@link WriteContext#read}; each path variable and query parameter is text of
 * the kind its name says (ids by pattern), a year lies within the policy's range, and a query parameter the
 * endpoint does not take is refused rather than ignored (a mistyped {@code asof} would otherwise answer the live
 * view as if it were the past).
 */
class InputPolicyInterceptor implements HandlerInterceptor {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Set<Class<?>> WHOLE_NUMBERS = Set.of(int.class, long.class, Integer.class, Long.class);
    /** ISO 8601 with seconds, at most nine decimals, and Z or an offset; hours 00–23. */
    private static final Pattern INSTANT = Pattern.compile(
            "[0-9]{4}-[0-9]{2}-[0-9]{2}T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\\.[0-9]{1,9})?(Z|[+-][0-9]{2}:[0-9]{2})");

    @Override
    public boolean preHandle(@NonNull HttpServletRequest request, @NonNull HttpServletResponse response,
                             @NonNull Object handler) throws HttpMediaTypeNotAcceptableException {
        if (!(handler instanceof HandlerMethod method) || request.getMethod().equals("OPTIONS")) {
            // OPTIONS answers only which methods the path takes (Spring's own handler), whatever the query
            return true;
        }
        WriteContext.read(request);
        acceptsJson(request, !READS.contains(request.getMethod()));
        Map<String, Class<?>> pathTypes = new HashMap<>();
        Map<String, Class<?>> accepted = new HashMap<>();
        bound(method, pathTypes, accepted);
        @SuppressWarnings("unchecked")
        Map<String, String> pathVariables = (Map<String, String>) request.getAttribute(
                HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (pathVariables != null) {
            pathVariables.forEach((name, value) -> check(name, value, pathTypes.get(name)));
        }
        if (hasBody(request) && !takesBody(method)) {
            // a body sent where none is read would be ignored as silently as an unknown query parameter
            throw new InputPolicy.InvalidInputException("body", "is not taken by this endpoint; send none");
        }
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            if (!accepted.containsKey(parameter.getKey())) {
                throw new InputPolicy.InvalidInputException(InputPolicy.text(parameter.getKey(), InputPolicy.Kind.SHORT,
                        "query"), "is not a parameter of this endpoint; it takes " + (accepted.isEmpty() ? "none"
                        : String.join(", ", new TreeSet<>(accepted.keySet()))));
            }
            Class<?> type = accepted.get(parameter.getKey());
            if (parameter.getValue().length > 1 && !type.isArray() && !java.util.Collection.class.isAssignableFrom(type)) {
                // which of two values was meant is not for the server to guess
                throw new InputPolicy.InvalidInputException(parameter.getKey(), "is given more than once; it takes "
                        + "one value");
            }
            for (String value : parameter.getValue()) {
                check(parameter.getKey(), value, type);
            }
        }
        if (request.getParameter("asOf") != null && request.getParameter("minVersion") != null) {
            throw new InputPolicy.InvalidInputException("minVersion", "is not taken with asOf: a view as of an "
                    + "instant is the version it had then");
        }
        return true;
    }

    /**
     * Every answer is JSON: a client that accepts none is refused, a write before it is made, not after it (Spring
     * checks Accept when it writes the answer, by when the events are stored).
     */
    private static void acceptsJson(HttpServletRequest request, boolean write)
            throws HttpMediaTypeNotAcceptableException {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept == null || accept.isBlank()) {
            return;
        }
        List<MediaType> accepted;
        try {
            accepted = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            throw new InputPolicy.InvalidInputException(HttpHeaders.ACCEPT, "is not a list of media types");
        }
        boolean json = accepted.stream().anyMatch(type -> type.getQualityValue() > 0
                && (type.isCompatibleWith(MediaType.APPLICATION_JSON)
                || write && type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)));
        if (!json) {
            var refusal = new HttpMediaTypeNotAcceptableException(List.of(MediaType.APPLICATION_JSON,
                    MediaType.APPLICATION_PROBLEM_JSON));
            refusal.getBody().setDetail(write ? "a write answers application/json, which Accept: " + accept
                    + " does not take; nothing was written" : "the API answers application/json, which Accept: "
                    + accept + " does not take");
            throw refusal;
        }
    }

    /**
     * A value in the form its parameter's type is written in, before Spring converts it: Spring would also read a
     * number in hex ("0x2A", "#42") and an instant in lower case or at 24:00, and answer what no client meant.
     */
    private static void check(String name, String value, Class<?> type) {
        if (value.isEmpty()) {
            throw new InputPolicy.InvalidInputException(name, "is empty: give a value, or leave the parameter out");
        }
        if (type != null && WHOLE_NUMBERS.contains(type)) {
            if (!value.matches("-?[0-9]+")) {
                throw new InputPolicy.InvalidInputException(name, "is not a whole number: write it in digits, e.g. 42");
            }
            boolean small = type == int.class || type == Integer.class;
            if (!name.equals("year") && new java.math.BigInteger(value).bitLength() > (small ? 31 : 63)) {
                throw new InputPolicy.InvalidInputException(name, "is out of range: at most "
                        + (small ? Integer.MAX_VALUE : Long.MAX_VALUE));
            }
        }
        InputPolicy.text(value, name);
        if (type == Instant.class) {
            instant(name, value);
        }
        if (type == LocalDate.class && !value.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
            throw new InputPolicy.InvalidInputException(name, "is not a date: write it yyyy-mm-dd, e.g. 2025-11-25");
        }
        if ((type == boolean.class || type == Boolean.class) && !value.equals("true") && !value.equals("false")) {
            throw new InputPolicy.InvalidInputException(name, "is true or false");
        }
        if (name.equals("year") && value.matches("-?\\d+")) {
            // any run of digits is a year out of range or in it: no digit count overflows into a 500
            InputPolicy.year(value.length() > 6 ? Integer.MAX_VALUE : Integer.parseInt(value), name);
        }
    }

    /** An instant as ISO 8601 writes it with its offset; asOf not later than now, whose view is not known yet. */
    private static void instant(String name, String value) {
        if (!INSTANT.matcher(value).matches()) {
            throw new InputPolicy.InvalidInputException(name, "is not an instant: write it in ISO 8601 with Z or an "
                    + "offset, e.g. 2026-12-03T10:15:30Z or 2026-12-03T11:15:30.25+01:00 (at most nine decimals)");
        }
        Instant instant;
        try {
            instant = OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new InputPolicy.InvalidInputException(name, "is not an instant: no such date or time");
        }
        Instant now = Instant.now();
        if (name.equals("asOf") && instant.isAfter(now)) {
            throw new InputPolicy.InvalidInputException(name, "lies in the future (the ledger's clock reads " + now
                    + "): what a view will show then is not known yet");
        }
    }

    /** The type of each path variable, and of each query parameter the endpoint takes, by name. */
    private static void bound(HandlerMethod method, Map<String, Class<?>> pathVariables,
                              Map<String, Class<?>> queryParameters) {
        for (MethodParameter parameter : method.getMethodParameters()) {
            parameter.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            PathVariable variable = parameter.getParameterAnnotation(PathVariable.class);
            if (param != null) {
                queryParameters.put(param.name().isEmpty() ? parameter.getParameterName() : param.name(),
                        parameter.getParameterType());
            } else if (variable != null) {
                pathVariables.put(variable.name().isEmpty() ? parameter.getParameterName() : variable.name(),
                        parameter.getParameterType());
            }
        }
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
    }

    private static boolean takesBody(HandlerMethod method) {
        for (MethodParameter parameter : method.getMethodParameters()) {
            if (parameter.hasParameterAnnotation(RequestBody.class)) {
                return true;
            }
        }
        return false;
    }
}
