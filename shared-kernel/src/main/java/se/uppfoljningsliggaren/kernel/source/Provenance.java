package se.uppfoljningsliggaren.kernel.source;

import se.uppfoljningsliggaren.kernel.LedgerMetadata;
import se.uppfoljningsliggaren.kernel.value.InputPolicy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.util.HexFormat;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where a write's content comes from: a registered source document, the section or table in it, the page where
 * known, and whether the content is printed there, derived by a rule the ledger names, or reconstructed by a person
 * from the words given. Kept in the metadata of every event the write causes, as flat keys.
 *
 * @param section the section or table as the document names it ("3.2 Målsättning 1"), or null
 * @param page    the page as printed, or null where not known
 * @param rule    the rule that derived the content: required for DERIVED, and only there
 * @param words   the words it was read from: required for RECONSTRUCTED, and only there
 */
public record Provenance(String document, String section, Integer page, Basis basis, String rule, String words) {

    /** How the content stands to its source. */
    public enum Basis {
        /** Printed in the document as written. */
        PRINTED,
        /** Computed from what the document prints, by a named rule. */
        DERIVED,
        /** Inferred by a person from the document's words; not printed as such. */
        RECONSTRUCTED
    }

    public static final String HEADER = "X-Source";
    public static final int MAX_PAGE = 9_999;
    private static final Set<String> PARTS = Set.of("document", "section", "page", "basis", "rule", "words");

    public Provenance {
        document = checked(document, InputPolicy.Kind.ID, "document");
        if (document == null) {
            throw invalid("names its document (document=…)");
        }
        if (basis == null) {
            throw invalid("names its basis (basis=PRINTED, DERIVED or RECONSTRUCTED)");
        }
        section = checked(section, InputPolicy.Kind.SHORT, "section");
        rule = checked(rule, InputPolicy.Kind.SHORT, "rule");
        // one line of at most 1 000 characters: it travels in a header, whose whole size a server limits (8 KB)
        words = checked(words, InputPolicy.Kind.SHORT, "words");
        if (page != null && (page < 1 || page > MAX_PAGE)) {
            throw invalid("has a page of 1–" + MAX_PAGE);
        }
        if ((basis == Basis.DERIVED) != (rule != null)) {
            throw invalid(basis == Basis.DERIVED ? "names the rule a DERIVED fact was computed by (rule=…)"
                    : "gives a rule only for basis=DERIVED");
        }
        if ((basis == Basis.RECONSTRUCTED) != (words != null)) {
            throw invalid(basis == Basis.RECONSTRUCTED
                    ? "gives the words a RECONSTRUCTED fact was read from (words=…)"
                    : "gives words only for basis=RECONSTRUCTED");
        }
    }

    public static Provenance printed(String document, String section, Integer page) {
        return new Provenance(document, section, page, Basis.PRINTED, null, null);
    }

    /**
     * Reads the header form {@code document=000; section=M%C3%A5l; page=12; basis=PRINTED}: parts separated by ";",
     * each value percent-encoded UTF-8 (so a ";" or "=" in words is %3B, %3D), each part at most once.
     *
     * @return null for no header
     * @throws InputPolicy.InvalidInputException naming {@value #HEADER} and what is wrong
     */
    public static Provenance parse(String header) {
        if (header == null) {
            return null;
        }
        Map<String, String> parts = new LinkedHashMap<>();
        for (String part : header.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq < 0) {
                throw invalid("is name=value parts separated by \";\" (" + part.strip() + " has no \"=\")");
            }
            String name = part.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            if (!PARTS.contains(name)) {
                throw invalid("has the parts document, section, page, basis, rule, words; not \"" + name + "\"");
            }
            if (parts.put(name, decoded(part.substring(eq + 1).strip())) != null) {
                throw invalid("names " + name + " once");
            }
        }
        return new Provenance(parts.get("document"), parts.get("section"), page(parts.get("page")),
                basis(parts.get("basis")), parts.get("rule"), parts.get("words"));
    }

    /** The header form {@link #parse} reads. */
    public String header() {
        StringBuilder header = new StringBuilder("document=").append(encoded(document));
        if (section != null) {
            header.append("; section=").append(encoded(section));
        }
        if (page != null) {
            header.append("; page=").append(page);
        }
        header.append("; basis=").append(basis);
        if (rule != null) {
            header.append("; rule=").append(encoded(rule));
        }
        if (words != null) {
            header.append("; words=").append(encoded(words));
        }
        return header.toString();
    }

    /** The flat metadata keys of an event (nested maps in metadata do not survive serialisation reliably). */
    public Map<String, String> metadata() {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(LedgerMetadata.SOURCE_DOCUMENT, document);
        metadata.put(LedgerMetadata.SOURCE_BASIS, basis.name());
        if (section != null) {
            metadata.put(LedgerMetadata.SOURCE_SECTION, section);
        }
        if (page != null) {
            metadata.put(LedgerMetadata.SOURCE_PAGE, page.toString());
        }
        if (rule != null) {
            metadata.put(LedgerMetadata.SOURCE_RULE, rule);
        }
        if (words != null) {
            metadata.put(LedgerMetadata.SOURCE_WORDS, words);
        }
        return metadata;
    }

    /** The provenance an event's metadata keeps, or null: no source given (and every event before they were kept). */
    public static Provenance of(Map<String, ?> metadata) {
        Object document = metadata.get(LedgerMetadata.SOURCE_DOCUMENT);
        if (document == null) {
            return null;
        }
        Object page = metadata.get(LedgerMetadata.SOURCE_PAGE);
        return new Provenance(document.toString(), text(metadata, LedgerMetadata.SOURCE_SECTION),
                page == null ? null : Integer.valueOf(page.toString()),
                Basis.valueOf(text(metadata, LedgerMetadata.SOURCE_BASIS)), text(metadata, LedgerMetadata.SOURCE_RULE),
                text(metadata, LedgerMetadata.SOURCE_WORDS));
    }

    private static String text(Map<String, ?> metadata, String key) {
        Object value = metadata.get(key);
        return value == null ? null : value.toString();
    }

    private static Integer page(String page) {
        if (page == null || page.isEmpty()) {
            return null;
        }
        if (!page.matches("\\d{1,4}")) {
            throw invalid("has a page of 1–" + MAX_PAGE + " (page=12), not \"" + page + "\"");
        }
        return Integer.valueOf(page);
    }

    private static Basis basis(String basis) {
        if (basis == null || basis.isEmpty()) {
            return null;
        }
        try {
            return Basis.valueOf(basis.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid("has the basis PRINTED, DERIVED or RECONSTRUCTED, not \"" + basis + "\"");
        }
    }

    /** Strictly: bytes that are no UTF-8 are refused, not turned into U+FFFD. */
    private static String decoded(String value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%') {
                if (i + 2 >= value.length() || !HexFormat.isHexDigit(value.charAt(i + 1))
                        || !HexFormat.isHexDigit(value.charAt(i + 2))) {
                    throw notUtf8();
                }
                bytes.write(HexFormat.fromHexDigits(value, i + 1, i + 3));
                i += 2;
            } else if (c > 0x7E) {
                throw notUtf8();
            } else {
                bytes.write(c);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw notUtf8();
        }
    }

    private static InputPolicy.InvalidInputException notUtf8() {
        return invalid("has values in percent-encoded UTF-8 (M%C3%A5l), a \"%\" itself as %25");
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A part as the input policy keeps text, blank as not given; a refusal names the header and the part. */
    private static String checked(String value, InputPolicy.Kind kind, String part) {
        try {
            String text = InputPolicy.text(value, kind, part);
            return text == null || text.isBlank() ? null : text;
        } catch (InputPolicy.InvalidInputException e) {
            throw invalid("has a " + part + " that " + e.problem());
        }
    }

    private static InputPolicy.InvalidInputException invalid(String problem) {
        return new InputPolicy.InvalidInputException(HEADER, problem);
    }
}
