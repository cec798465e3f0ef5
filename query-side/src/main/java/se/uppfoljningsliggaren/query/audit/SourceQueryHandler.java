package se.uppfoljningsliggaren.query.audit;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import se.uppfoljningsliggaren.kernel.source.Provenance;
import se.uppfoljningsliggaren.kernel.source.SourceDocumentKind;
import se.uppfoljningsliggaren.kernel.source.SourceDocumentRegistered;
import se.uppfoljningsliggaren.kernel.source.SourceViews.DocumentContents;
import se.uppfoljningsliggaren.kernel.source.SourceViews.DocumentItem;
import se.uppfoljningsliggaren.kernel.source.SourceViews.Fact;
import se.uppfoljningsliggaren.kernel.source.SourceViews.FactPage;
import se.uppfoljningsliggaren.kernel.source.SourceViews.FindFacts;
import se.uppfoljningsliggaren.kernel.source.SourceViews.GetSourceDocument;
import se.uppfoljningsliggaren.kernel.source.SourceViews.ListSourceDocuments;
import se.uppfoljningsliggaren.kernel.source.SourceViews.SourceDocumentView;
import se.uppfoljningsliggaren.query.ReadModelJson;

import static se.uppfoljningsliggaren.kernel.source.SourceViews.NOT_GIVEN;
import static se.uppfoljningsliggaren.kernel.source.SourceViews.NOT_PRINTED;

import java.math.BigInteger;
import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The source documents, what the ledger holds from each, and the facts by their basis: all read from the audit
 * trail's provenance, so they are as complete as the trail.
 */
@Component
class SourceQueryHandler {

    private static final RowMapper<SourceDocumentView> DOCUMENT = (rs, row) -> new SourceDocumentView(
            rs.getString("document_id"), rs.getString("title"), rs.getString("namnd_code"), rs.getInt("year"),
            SourceDocumentKind.valueOf(rs.getString("kind")), rs.getString("diarienummer"),
            fields(rs.getArray("not_given_in_source")));

    private static final RowMapper<Fact> FACT = (rs, row) -> {
        Provenance provenance = provenance(rs.getString("provenance"));
        return new Fact(rs.getLong("global_index"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("who"),
                rs.getString("event_type"), rs.getString("entity_kind"), rs.getString("entity_key"),
                rs.getString("item_key"), provenance == null ? NOT_GIVEN : provenance.basis().name(), provenance);
    };

    private static final Pattern SECTION_PART = Pattern.compile("[0-9]+|[^0-9]+");

    private final JdbcTemplate jdbc;

    SourceQueryHandler(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    List<SourceDocumentView> handle(ListSourceDocuments query) {
        return jdbc.query("SELECT * FROM source_document_view ORDER BY document_id", DOCUMENT);
    }

    /**
     * The document and each item whose last write came from it (an entity's content, or a statement about it such
     * as its continuity), as it stands now: in the document's order as far as the sources say it, by page (unknown
     * pages last), then by section number (§1.3 before §4.2, unknown sections last), then in the order the items
     * were first written.
     */
    @QueryHandler
    Optional<DocumentContents> handle(GetSourceDocument query) {
        List<SourceDocumentView> document = jdbc.query("SELECT * FROM source_document_view WHERE document_id = ?",
                DOCUMENT, query.documentId());
        if (document.isEmpty()) {
            return Optional.empty();
        }
        List<DocumentItem> items = new ArrayList<>(jdbc.query("""
                WITH latest AS (
                    SELECT DISTINCT ON (item_key) item_key, entity_key, entity_kind, after, provenance, occurred_at,
                           who, min(global_index) OVER (PARTITION BY item_key) AS first_index
                    FROM audit_entry
                    WHERE item_key IN (SELECT item_key FROM audit_entry WHERE provenance ->> 'document' = ?)
                    ORDER BY item_key, global_index DESC)
                SELECT * FROM latest WHERE provenance ->> 'document' = ?
                ORDER BY first_index""", (rs, row) -> {
            Provenance provenance = provenance(rs.getString("provenance"));
            Map<String, Object> content = AuditTrailProjection.contentOf(rs.getString("after"));
            return new DocumentItem(rs.getString("item_key"), rs.getString("entity_key"), rs.getString("entity_kind"),
                    summary(content),
                    provenance.section(), provenance.page(), provenance.basis(), provenance.rule(), provenance.words(),
                    content, rs.getTimestamp("occurred_at").toInstant(), rs.getString("who"));
        }, query.documentId(), query.documentId()));
        // a stable sort: items of one page and section stay in the order they were first written
        items.sort(Comparator.comparing(DocumentItem::page, Comparator.nullsLast(Comparator.<Integer>naturalOrder()))
                .thenComparing(DocumentItem::section, Comparator.nullsLast(SourceQueryHandler::bySectionNumber)));
        return Optional.of(new DocumentContents(document.get(0), items));
    }

    /** Sections as a document numbers them: the runs of digits compared as numbers ("§4.10" after "§4.9"). */
    static int bySectionNumber(String a, String b) {
        Matcher left = SECTION_PART.matcher(a);
        Matcher right = SECTION_PART.matcher(b);
        while (true) {
            boolean moreLeft = left.find();
            boolean moreRight = right.find();
            if (!moreLeft || !moreRight) {
                // "§4" before "§4.1"
                return Boolean.compare(moreLeft, moreRight);
            }
            String x = left.group();
            String y = right.group();
            int order = isDigit(x.charAt(0)) && isDigit(y.charAt(0))
                    ? new BigInteger(x).compareTo(new BigInteger(y)) : x.compareTo(y);
            if (order != 0) {
                return order;
            }
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The writes with their provenance, by basis, document and the document's nämnd; a keyset page. */
    @QueryHandler
    FactPage handle(FindFacts query) {
        // a document's registration is no fact read from a document
        StringBuilder where = new StringBuilder(" AND entity_kind <> 'SOURCE_DOCUMENT'");
        List<Object> args = new ArrayList<>();
        args.add(query.after() == null ? 0 : query.after());
        if (NOT_PRINTED.equals(query.basis())) {
            where.append(" AND (provenance IS NULL OR provenance ->> 'basis' <> 'PRINTED')");
        } else if (query.basis() != null) {
            where.append(" AND provenance ->> 'basis' = ?");
            args.add(query.basis());
        }
        if (query.document() != null) {
            where.append(" AND provenance ->> 'document' = ?");
            args.add(query.document());
        }
        if (query.namnd() != null) {
            where.append(" AND provenance ->> 'document' IN "
                    + "(SELECT document_id FROM source_document_view WHERE namnd_code = ?)");
            args.add(query.namnd());
        }
        args.add(query.limit() + 1);
        Keyset.Slice<Fact> slice = Keyset.slice(jdbc.query("""
                SELECT global_index, occurred_at, who, event_type, entity_kind, entity_key,
                       coalesce(item_key, entity_key) AS item_key, provenance
                FROM audit_entry WHERE global_index > ?""" + where + " ORDER BY global_index LIMIT ?", FACT,
                args.toArray()), query.limit(), Fact::position);
        return new FactPage(slice.rows(), slice.next());
    }

    /**
     * What a reader beside the document recognises an entity by: its numbering and title, text or label; a
     * figure's value as written.
     */
    @SuppressWarnings("unchecked")
    static String summary(Map<String, Object> content) {
        if (content.get("figure") instanceof Map<?, ?> figure && figure.get("value") instanceof Map<?, ?> value
                && value.get("written") != null) {
            return value.get("written").toString();
        }
        Object inner = content.get("content") instanceof Map<?, ?> map ? map
                : content.get("table") instanceof Map<?, ?> table ? table : null;
        Map<String, Object> fields = inner == null ? content : (Map<String, Object>) inner;
        Object numbering = fields.get("numbering");
        for (String name : List.of("title", "text", "label", "name", "motivation", "comment")) {
            Object text = fields.get(name) != null ? fields.get(name) : content.get(name);
            if (text != null) {
                return numbering == null ? text.toString() : numbering + " " + text;
            }
        }
        return null;
    }

    private static Provenance provenance(String json) {
        return json == null ? null : ReadModelJson.read(json, Provenance.class);
    }

    private static List<SourceDocumentRegistered.Field> fields(Array array) throws SQLException {
        return Arrays.stream((String[]) array.getArray()).map(SourceDocumentRegistered.Field::valueOf).toList();
    }
}
