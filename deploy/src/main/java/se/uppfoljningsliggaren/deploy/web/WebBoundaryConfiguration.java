package se.uppfoljningsliggaren.deploy.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.yaml.MappingJackson2YamlHttpMessageConverter;
import org.springframework.lang.NonNull;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import se.uppfoljningsliggaren.kernel.value.InputPolicy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Registers the input policy for URLs with Spring MVC: the interceptor for every /api endpoint, and the one way an
 * instant or a date in a URL is read (ISO-8601, within the policy's range).
 */
@Configuration(proxyBeanMethods = false)
class WebBoundaryConfiguration implements WebMvcConfigurer {

    @Override
    public void addInterceptors(@NonNull InterceptorRegistry registry) {
        registry.addInterceptor(new InputPolicyInterceptor()).addPathPatterns("/api/**");
    }

    /**
     * The API speaks JSON only: Spring adds a YAML writer when the YAML library is on the classpath (springdoc brings
     * it), which answered Accept: application/yaml with epoch-number instants and bundles whose seal no one can check.
     */
    @Override
    public void extendMessageConverters(@NonNull List<HttpMessageConverter<?>> converters) {
        converters.removeIf(MappingJackson2YamlHttpMessageConverter.class::isInstance);
    }

    @Override
    public void addFormatters(@NonNull FormatterRegistry registry) {
        registry.addConverter(String.class, Instant.class, text -> InputPolicy.instant(Instant.parse(text), "instant"));
        registry.addConverter(String.class, LocalDate.class, text -> InputPolicy.date(LocalDate.parse(text), "date"));
    }
}
