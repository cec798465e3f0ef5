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
                if (handler instanceof HandlerMethod) {
                    log.record(reader(request), request.getRequestURI(), request.getQueryString());
                }
                return true;
            }
        }).addPathPatterns("/api/audit/**", "/api/notary/bundles").order(Ordered.LOWEST_PRECEDENCE);
    }

    /** The signed-in person (the audit trail is the revisor's: no one reads it unsigned). */
    private static String reader(HttpServletRequest request) {
        return request.getUserPrincipal() != null ? request.getUserPrincipal().getName() : "anonymous";
    }
}
