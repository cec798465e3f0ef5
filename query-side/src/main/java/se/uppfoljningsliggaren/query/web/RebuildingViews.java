package se.uppfoljningsliggaren.query.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.lang.NonNull;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import se.uppfoljningsliggaren.query.admin.ReadModelRebuilder;

import java.time.Instant;

/**
 * While the read tables are rebuilt, a view would answer what has been replayed so far: "no plan RS-2026", an empty
 * list. So every read of them answers 503 with Retry-After until the rebuild has caught up (the readiness probe says
 * the same to a load balancer). The notary's log is not a read table, and the admin's endpoints stay open.
 */
@Configuration(proxyBeanMethods = false)
class RebuildingViews implements WebMvcConfigurer {

    static final String RETRY_AFTER_SECONDS = "5";

    private final ReadModelRebuilder rebuilder;

    RebuildingViews(ReadModelRebuilder rebuilder) {
        this.rebuilder = rebuilder;
    }

    @Override
    public void addInterceptors(@NonNull InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(@NonNull HttpServletRequest request, @NonNull HttpServletResponse response,
                                     @NonNull Object handler) {
                if (handler instanceof HandlerMethod) {
                    rebuilder.rebuildingSince().ifPresent(RebuildingViews::refuse);
                }
                return true;
            }
        }).addPathPatterns("/api/**").excludePathPatterns("/api/admin/**", "/api/notary/checkpoints/**",
                "/api/notary/proofs/**");
    }

    private static void refuse(Instant since) {
        ErrorResponseException unavailable = ViewFreshness.problem(HttpStatus.SERVICE_UNAVAILABLE, null,
                "the read views are being rebuilt from the event store (since " + since + "); retry shortly");
        unavailable.getHeaders().set("Retry-After", RETRY_AFTER_SECONDS);
        throw unavailable;
    }
}
