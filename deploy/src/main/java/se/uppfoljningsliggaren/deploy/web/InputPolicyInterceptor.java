package se.uppfoljningsliggaren.deploy.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.MethodParameter;
import org.springframework.lang.NonNull;
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

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@link InputPolicy} for what a URL and the ledger's headers carry, on every endpoint, before a body is read: the
 * headers by {@link WriteContext#read}; each path variable and query parameter is text of
 * the kind its name says (ids by pattern), a year lies within the policy's range, and a query parameter the
 * endpoint does not take is refused rather than ignored (a mistyped {@code asof} would otherwise answer the live
 * view as if it were the past).
 */
class InputPolicyInterceptor implements HandlerInterceptor {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    @Override
    public boolean preHandle(@NonNull HttpServletRequest request, @NonNull HttpServletResponse response,
                             @NonNull Object handler) throws HttpMediaTypeNotAcceptableException {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        WriteContext.read(request);
        if (!READS.contains(request.getMethod())) {
            acceptsJson(request);
        }
        @SuppressWarnings("unchecked")
        Map<String, String> pathVariables = (Map<String, String>) request.getAttribute(
                HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (pathVariables != null) {
            pathVariables.forEach(InputPolicyInterceptor::check);
        }
        if (hasBody(request) && !takesBody(method)) {
            // a body sent where none is read would be ignored as silently as an unknown query parameter
            throw new InputPolicy.InvalidInputException("body", "is not taken by this endpoint; send none");
        }
        Map<String, Boolean> accepted = acceptedParameters(method);
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            if (!accepted.containsKey(parameter.getKey())) {
                throw new InputPolicy.InvalidInputException(InputPolicy.text(parameter.getKey(), InputPolicy.Kind.SHORT,
                        "query"), "is not a parameter of this endpoint; it takes " + (accepted.isEmpty() ? "none"
                        : String.join(", ", new TreeSet<>(accepted.keySet()))));
            }
            if (parameter.getValue().length > 1 && !accepted.get(parameter.getKey())) {
                // which of two values was meant is not for the server to guess
                throw new InputPolicy.InvalidInputException(parameter.getKey(), "is given more than once; it takes "
                        + "one value");
            }
            for (String value : parameter.getValue()) {
                check(parameter.getKey(), value);
            }
        }
        return true;
    }

    /**
     * A write answers JSON: a client that accepts none is refused before the write is made, not after it (Spring
     * checks Accept when it writes the answer, by when the events are stored).
     */
    private static void acceptsJson(HttpServletRequest request) throws HttpMediaTypeNotAcceptableException {
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
                || type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)));
        if (!json) {
            var refusal = new HttpMediaTypeNotAcceptableException(List.of(MediaType.APPLICATION_JSON,
                    MediaType.APPLICATION_PROBLEM_JSON));
            refusal.getBody().setDetail("a write answers application/json, which Accept: " + accept
                    + " does not take; nothing was written");
            throw refusal;
        }
    }

    private static void check(String name, String value) {
        InputPolicy.text(value, name);
        if (name.equals("year") && value.matches("-?\\d+")) {
            // any run of digits is a year out of range or in it: no digit count overflows into a 500
            InputPolicy.year(value.length() > 6 ? Integer.MAX_VALUE : Integer.parseInt(value), name);
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

    /** The query parameters the endpoint takes, each with whether it takes several values (a list). */
    private static Map<String, Boolean> acceptedParameters(HandlerMethod method) {
        Map<String, Boolean> names = new HashMap<>();
        for (MethodParameter parameter : method.getMethodParameters()) {
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (param != null) {
                parameter.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
                Class<?> type = parameter.getParameterType();
                names.put(!param.name().isEmpty() ? param.name() : parameter.getParameterName(),
                        type.isArray() || java.util.Collection.class.isAssignableFrom(type));
            }
        }
        return names;
    }
}
