package se.uppfoljningsliggaren.query.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.lang.NonNull;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import se.uppfoljningsliggaren.query.audit.AuditReadLog;

/**
 * Records every read of the audit endpoints, and of the notary's bundles (they carry audit entries), before it is
 * answered. Ordered last, so the boundary has checked the request's headers and parameters first: what is recorded
 * is what was accepted.
 */
@Configuration(proxyBeanMethods = false)
class AuditReadRecording implements WebMvcConfigurer {

    /** The request attribute holding the id of the read recorded for it. */
    private static final String READ = AuditReadRecording.class.getName() + ".read";

    private final AuditReadLog log;

    AuditReadRecording(AuditReadLog log) {
        this.log = log;
    }

    @Override
    public void addInterceptors(@NonNull InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(@NonNull HttpServletRequest request, @NonNull HttpServletResponse response,
                                     @NonNull Object handler) {
                // OPTIONS reads nothing: it answers which methods the path takes
                if (handler instanceof HandlerMethod && !request.getMethod().equals("OPTIONS")) {
                    request.setAttribute(READ, log.record(reader(request), request.getMethod(),
                            request.getRequestURI(), request.getQueryString()));
                }
                return true;
            }

            @Override
            public void afterCompletion(@NonNull HttpServletRequest request, @NonNull HttpServletResponse response,
                                        @NonNull Object handler, Exception failure) {
                if (request.getAttribute(READ) instanceof Long read) {
                    log.answered(read, response.getStatus());
                }
            }
        }).addPathPatterns("/api/audit/**", "/api/notary/bundles").order(Ordered.LOWEST_PRECEDENCE);
    }

    /** The signed-in person (the audit trail is the revisor's: no one reads it unsigned). */
    private static String reader(HttpServletRequest request) {
        return request.getUserPrincipal() != null ? request.getUserPrincipal().getName() : "anonymous";
    }
}
