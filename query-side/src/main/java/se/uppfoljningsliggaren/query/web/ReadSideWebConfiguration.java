package se.uppfoljningsliggaren.query.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.lang.NonNull;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;
import se.uppfoljningsliggaren.query.admin.ReadModelRebuilder;

import java.time.Instant;

/**
 * Every read of the API says which store position it reflects ({@value ViewFreshness#POSITION_HEADER}): a view of
 * one aggregate answers the position of its last event itself; any other read answers the position up to which the
 * read side was complete when the request arrived (taken before the view is read, so it never overstates).
 * <p>
 * While the read tables are rebuilt, a view would answer what has been replayed so far ("no plan RS-2026", an empty
 * list), so every read of them answers 503 with Retry-After until the rebuild has caught up (the readiness probe
 * says the same to a load balancer). The notary's log is not a read table, and the admin's endpoints stay open.
 */
@Configuration(proxyBeanMethods = false)
class ReadSideWebConfiguration implements WebMvcConfigurer {

    private static final String POSITION_ATTRIBUTE = ReadSideWebConfiguration.class.getName() + ".position";
    private static final String RETRY_AFTER_SECONDS = "5";

    private final ViewFreshness freshness;
    private final ReadModelRebuilder rebuilder;

    ReadSideWebConfiguration(ViewFreshness freshness, ReadModelRebuilder rebuilder) {
        this.freshness = freshness;
        this.rebuilder = rebuilder;
    }

    @Override
    public void addInterceptors(@NonNull InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(@NonNull HttpServletRequest request, @NonNull HttpServletResponse response,
                                     @NonNull Object handler) {
                if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
                    freshness.readSidePosition().ifPresent(position ->
                            request.setAttribute(POSITION_ATTRIBUTE, String.valueOf(position)));
                }
                return true;
            }
        }).addPathPatterns("/api/**");
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(@NonNull HttpServletRequest request, @NonNull HttpServletResponse response,
                                     @NonNull Object handler) {
                if (handler instanceof HandlerMethod) {
                    rebuilder.rebuildingSince().ifPresent(ReadSideWebConfiguration::refuse);
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

    @ControllerAdvice
    static class PositionHeader implements ResponseBodyAdvice<Object> {
        @Override
        public boolean supports(@NonNull MethodParameter returnType, @NonNull Class converterType) {
            return true;
        }

        @Override
        public Object beforeBodyWrite(Object body, @NonNull MethodParameter returnType,
                                      @NonNull MediaType contentType, @NonNull Class selectedConverterType,
                                      @NonNull ServerHttpRequest request, @NonNull ServerHttpResponse response) {
            if (request instanceof ServletServerHttpRequest servlet
                    && servlet.getServletRequest().getAttribute(POSITION_ATTRIBUTE) instanceof String position
                    && !response.getHeaders().containsKey(ViewFreshness.POSITION_HEADER)) {
                response.getHeaders().set(ViewFreshness.POSITION_HEADER, position);
            }
            return body;
        }
    }
}
