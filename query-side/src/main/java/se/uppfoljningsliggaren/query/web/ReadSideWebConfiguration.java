package se.uppfoljningsliggaren.query.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.lang.NonNull;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Every read of the API says which store position it reflects ({@value ViewFreshness#POSITION_HEADER}): a view of
 * one aggregate answers the position of its last event itself; any other read answers the position up to which the
 * read side was complete when the request arrived (taken before the view is read, so it never overstates).
 */
@Configuration(proxyBeanMethods = false)
class ReadSideWebConfiguration implements WebMvcConfigurer {

    private static final String POSITION_ATTRIBUTE = ReadSideWebConfiguration.class.getName() + ".position";

    private final ViewFreshness freshness;

    ReadSideWebConfiguration(ViewFreshness freshness) {
        this.freshness = freshness;
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
