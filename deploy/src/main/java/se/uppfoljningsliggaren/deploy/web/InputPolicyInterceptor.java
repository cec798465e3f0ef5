package se.uppfoljningsliggaren.deploy.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.MethodParameter;
import org.springframework.lang.NonNull;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import se.uppfoljningsliggaren.command.web.WriteContext;
import se.uppfoljningsliggaren.kernel.value.InputPolicy;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * {@link InputPolicy} for what a URL and the ledger's headers carry, on every endpoint, before a body is read: the
 * headers by {@link WriteContext#read}; each path variable and query parameter is text of
 * the kind its name says (ids by pattern), a year lies within the policy's range, and a query parameter the
 * endpoint does not take is refused rather than ignored (a mistyped {@code asof} would otherwise answer the live
 * view as if it were the past).
 */
class InputPolicyInterceptor implements HandlerInterceptor {

    @Override
    public boolean preHandle(@NonNull HttpServletRequest request, @NonNull HttpServletResponse response,
                             @NonNull Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        WriteContext.read(request);
        @SuppressWarnings("unchecked")
        Map<String, String> pathVariables = (Map<String, String>) request.getAttribute(
                HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (pathVariables != null) {
            pathVariables.forEach(InputPolicyInterceptor::check);
        }
        Set<String> accepted = acceptedParameters(method);
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            if (!accepted.contains(parameter.getKey())) {
                throw new InputPolicy.InvalidInputException(InputPolicy.text(parameter.getKey(), InputPolicy.Kind.SHORT,
                        "query"), "is not a parameter of this endpoint; it takes " + (accepted.isEmpty() ? "none"
                        : String.join(", ", accepted)));
            }
            for (String value : parameter.getValue()) {
                check(parameter.getKey(), value);
            }
        }
        return true;
    }

    private static void check(String name, String value) {
        InputPolicy.text(value, name);
        if (name.equals("year") && value.matches("-?\\d{1,10}")) {
            InputPolicy.year(Integer.parseInt(value), name);
        }
    }

    private static Set<String> acceptedParameters(HandlerMethod method) {
        Set<String> names = new HashSet<>();
        for (MethodParameter parameter : method.getMethodParameters()) {
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (param != null) {
                parameter.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
                names.add(!param.name().isEmpty() ? param.name() : parameter.getParameterName());
            }
        }
        return names;
    }
}
