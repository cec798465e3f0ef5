package se.uppfoljningsliggaren.command.web;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.springframework.stereotype.Component;
import se.uppfoljningsliggaren.kernel.value.InputPolicy;
import se.uppfoljningsliggaren.kernel.value.InvalidVardeException;
import se.uppfoljningsliggaren.kernel.value.Period;
import se.uppfoljningsliggaren.kernel.value.PeriodValue;
import se.uppfoljningsliggaren.kernel.value.Varde;
import se.uppfoljningsliggaren.kernel.value.VardeForm;
import se.uppfoljningsliggaren.kernel.value.VardeParser;

import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;

/**
 * How the write API reads values: as users write them. A value is a string ("82 %", "Riket + 1 %") read into its
 * form, or an object naming the form for values without a figure:
 * {@code {"form": "MISSING", "written": "…", "kind": "DATA_UNAVAILABLE", "reason": "…"}}. The structure is always
 * computed by the ledger, never taken from the client. A period is written "maj 2025", "2024", "prognos 2025".
 */
@Component
public class ValueInputModule extends SimpleModule {

    private static final Set<String> VALUE_FIELDS = Set.of("form", "written", "kind", "reason");
    private static final Set<String> PERIOD_VALUE_FIELDS = Set.of("value", "period");

    public ValueInputModule() {
        super("ledger-value-input");
        // The API reads values as written, not as the stored polymorphic JSON: no type id is expected here.
        setMixInAnnotation(Varde.class, WrittenVarde.class);
        addDeserializer(Varde.class, new VardeDeserializer());
        addDeserializer(Period.class, new PeriodDeserializer());
        addDeserializer(PeriodValue.class, new PeriodValueDeserializer());
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NONE)
    private interface WrittenVarde {
    }

    static class VardeDeserializer extends JsonDeserializer<Varde> {
        @Override
        public Varde deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() == JsonToken.VALUE_STRING) {
                return written(InputPolicy.text(parser.getText(), InputPolicy.Kind.SHORT, null));
            }
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                return (Varde) context.handleUnexpectedToken(Varde.class, parser);
            }
            JsonNode node = context.readTree(parser);
            rejectUnknown(node, VALUE_FIELDS, context, Varde.class);
            String formName = text(node, "form");
            VardeForm form = formName != null ? enumValue(VardeForm.class, formName) : null;
            String written = text(node, "written");
            String kind = text(node, "kind");
            Varde.MissingKind missingKind = form == VardeForm.MISSING && kind != null
                    ? enumValue(Varde.MissingKind.class, kind) : null;
            Varde.ProseKind proseKind = form == VardeForm.PROSE && kind != null
                    ? enumValue(Varde.ProseKind.class, kind) : null;
            String reason = text(node, "reason");
            return declared(form, written, missingKind, reason, proseKind);
        }

        Varde written(String text) {
            return VardeParser.parse(text);
        }

        Varde declared(VardeForm form, String written, Varde.MissingKind missingKind, String reason,
                       Varde.ProseKind proseKind) {
            return VardeParser.parse(form, written, missingKind, reason, proseKind);
        }
    }

    /**
     * A cell of a budget or a resultatrapport as printed: "-2 314,7" is an amount here (not a change target), and
     * words come as an object naming their form ({@code {"form": "NOT_DECIDED", "written": "Belopp ännu ej
     * fastställt"}}). Used on the request fields that hold amounts ({@code @JsonDeserialize(contentUsing = …)}).
     */
    public static final class AmountDeserializer extends VardeDeserializer {
        @Override
        Varde written(String text) {
            return VardeParser.amount(text);
        }

        @Override
        Varde declared(VardeForm form, String written, Varde.MissingKind missingKind, String reason,
                       Varde.ProseKind proseKind) {
            return VardeParser.amount(form, written, missingKind, reason, proseKind);
        }
    }

    static final class PeriodDeserializer extends JsonDeserializer<Period> {
        @Override
        public Period deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return (Period) context.handleUnexpectedToken(Period.class, parser);
            }
            return Period.parse(InputPolicy.text(parser.getText(), InputPolicy.Kind.SHORT, "period"));
        }
    }

    static final class PeriodValueDeserializer extends JsonDeserializer<PeriodValue> {
        @Override
        public PeriodValue deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                return (PeriodValue) context.handleUnexpectedToken(PeriodValue.class, parser);
            }
            JsonNode node = context.readTree(parser);
            rejectUnknown(node, PERIOD_VALUE_FIELDS, context, PeriodValue.class);
            if (!node.hasNonNull("value") || !node.hasNonNull("period")) {
                throw new IllegalArgumentException("a value for a period needs both value and period");
            }
            JsonNode written = node.get("value");
            if (!written.isTextual() && !written.isObject()) {
                throw new InputPolicy.InvalidInputException("value", "is written as printed (\"82 %\"), or an "
                        + "object naming its form");
            }
            Varde value;
            try (JsonParser valueParser = written.traverse(parser.getCodec())) {
                valueParser.nextToken();
                value = new VardeDeserializer().deserialize(valueParser, context);
            } catch (IllegalArgumentException e) {
                throw e instanceof InputPolicy.InvalidInputException named && named.field() != null ? named
                        : new InputPolicy.InvalidInputException("value", e.getMessage());
            }
            String period = text(node, "period").strip();
            boolean prognos = period.toLowerCase(Locale.ROOT).startsWith("prognos");
            try {
                return new PeriodValue(value, Period.parse(prognos ? period.substring("prognos".length()) : period),
                        prognos ? PeriodValue.Basis.PROGNOS : PeriodValue.Basis.UTFALL);
            } catch (InputPolicy.InvalidInputException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw new InputPolicy.InvalidInputException("period", e.getMessage());
            }
        }
    }

    /** A text field of a value object: a JSON string (no number or boolean read as text) that passes the policy. */
    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new InputPolicy.InvalidInputException(field, "must be a JSON string");
        }
        return InputPolicy.text(value.textValue(), field);
    }

    private static void rejectUnknown(JsonNode node, Set<String> known, DeserializationContext context, Class<?> type)
            throws IOException {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                context.reportPropertyInputMismatch(type, name, "unknown field '%s'; allowed: %s", name, known);
            }
        }
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String text) {
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            throw new InvalidVardeException(text, "not one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }
}
