package se.uppfoljningsliggaren.command.web;

import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.media.StringSchema;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.RestController;

/** Documents the headers every write takes, once for all write operations. */
@Configuration(proxyBeanMethods = false)
class WriteApiDocumentation {

    @Bean
    OperationCustomizer writeHeaders() {
        return (operation, handlerMethod) -> {
            Class<?> controller = handlerMethod.getBeanType();
            if (controller.getPackageName().equals(WriteApiDocumentation.class.getPackageName())
                    && controller.isAnnotationPresent(RestController.class)) {
                operation.addParametersItem(header(WriteContext.PRINCIPAL_HEADER, true,
                        "Who makes the change (until sign-in exists). A write without it is refused with 401."));
                operation.addParametersItem(header(WriteContext.IDEMPOTENCY_HEADER, false,
                        "A retry with the same key returns the first result and appends nothing."));
                operation.addParametersItem(header("If-Match", false,
                        "The version you saw, e.g. \"3\"; a stale one gets 409."));
                operation.addParametersItem(header(WriteContext.REASON_HEADER, false,
                        "Why, in words; kept in the metadata of the events. Percent-encode UTF-8 beyond ASCII: "
                                + "Del%C3%A5rsrapport."));
            }
            return operation;
        };
    }

    private static HeaderParameter header(String name, boolean required, String description) {
        HeaderParameter parameter = new HeaderParameter();
        parameter.setName(name);
        parameter.setRequired(required);
        parameter.setDescription(description);
        parameter.setSchema(new StringSchema());
        return parameter;
    }
}
