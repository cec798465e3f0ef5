package se.uppfoljningsliggaren.deploy.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.uppfoljningsliggaren.kernel.value.InputPolicy;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Strict JSON for every request body of the API, in one place that no endpoint can bypass: no coercion between
 * JSON types (a number is no string, an enum is given by name), no trailing content, no duplicate keys, no unknown
 * fields, bounded documents; every string, map key, figure and date passes {@link InputPolicy}. The event store
 * has a mapper of its own (AxonStorageConfiguration), so none of this changes stored JSON.
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonConfiguration {

    /** A request body is a plan item, a table or a follow-up: far below this. */
    static final long MAX_DOCUMENT_BYTES = 1024 * 1024;

    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictJson() {
        return builder -> builder
                .featuresToEnable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                        DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                        DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                        DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY,
                        DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS,
                        JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .featuresToDisable(MapperFeature.ALLOW_COERCION_OF_SCALARS,
                        DeserializationFeature.ACCEPT_FLOAT_AS_INT,
                        DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY,
                        JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS.mappedFeature())
                .postConfigurer(mapper -> {
                    mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                            .maxDocumentLength(MAX_DOCUMENT_BYTES)
                            .maxNestingDepth(32)
                            .maxNumberLength(64)
                            .maxStringLength(InputPolicy.Kind.LONG.maxLength * 4)
                            .build());
                    for (LogicalType type : LogicalType.values()) {
                        mapper.coercionConfigFor(type)
                                .setCoercion(CoercionInputShape.Integer, fail(type, LogicalType.Integer, LogicalType.Float))
                                .setCoercion(CoercionInputShape.Float, fail(type, LogicalType.Float))
                                .setCoercion(CoercionInputShape.Boolean, fail(type, LogicalType.Boolean))
                                .setCoercion(CoercionInputShape.String, fail(type, LogicalType.Textual,
                                        LogicalType.Enum, LogicalType.DateTime, LogicalType.OtherScalar))
                                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
                    }
                });
    }

    /** A bean, so Spring Boot installs it beside the other modules of the API (modulesToInstall would replace them). */
    @Bean
    InputPolicyModule inputPolicyModule() {
        return new InputPolicyModule();
    }

    /** A JSON scalar becomes only a type of its own kind; any other coercion fails. */
    private static CoercionAction fail(LogicalType target, LogicalType... sameKind) {
        for (LogicalType kind : sameKind) {
            if (kind == target) {
                return CoercionAction.TryConvert;
            }
        }
        return CoercionAction.Fail;
    }

    /** Every string, map key, figure and date of a request passes {@link InputPolicy}, named by its field. */
    static final class InputPolicyModule extends SimpleModule {
        InputPolicyModule() {
            super("ledger-input-policy");
            addDeserializer(String.class, new TextDeserializer());
            addKeyDeserializer(String.class, new KeyDeserializer() {
                @Override
                public Object deserializeKey(String key, DeserializationContext context) {
                    return InputPolicy.text(key, InputPolicy.Kind.ID, "key");
                }
            });
            addDeserializer(BigDecimal.class, new FigureDeserializer());
            addDeserializer(LocalDate.class, new DateDeserializer());
        }
    }

    /** The field a value stands in; for an element of a list, the list's field. */
    static String fieldName(JsonParser parser) {
        var context = parser.getParsingContext();
        if (context.inArray() && context.getParent() != null) {
            return context.getParent().getCurrentName();
        }
        return context.getCurrentName();
    }

    static final class TextDeserializer extends JsonDeserializer<String> {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return (String) context.handleUnexpectedToken(String.class, parser);
            }
            return InputPolicy.text(parser.getText(), fieldName(parser));
        }
    }

    static final class FigureDeserializer extends JsonDeserializer<BigDecimal> {
        @Override
        public BigDecimal deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.currentToken().isNumeric()) {
                return (BigDecimal) context.handleUnexpectedToken(BigDecimal.class, parser);
            }
            return InputPolicy.figure(parser.getDecimalValue(), fieldName(parser));
        }
    }

    static final class DateDeserializer extends JsonDeserializer<LocalDate> {
        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
            }
            String field = fieldName(parser);
            String text = parser.getText();
            if (!text.matches("\\d{4}-\\d{2}-\\d{2}")) {
                throw new InputPolicy.InvalidInputException(field, "is a date written yyyy-mm-dd, e.g. 2025-11-25");
            }
            try {
                return InputPolicy.date(LocalDate.parse(text), field);
            } catch (DateTimeParseException e) {
                throw new InputPolicy.InvalidInputException(field, "is no date in the calendar: " + text);
            }
        }
    }
}
