package se.uppfoljningsliggaren.kernel.source;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The source documents, what the ledger holds from each, and the facts by basis. */
public final class SourceViews {

    /** The basis filter that stands for everything a source does not print as written. */
    public static final String NOT_PRINTED = "NOT_PRINTED";
    /** The basis of a fact whose write gave no source. */
    public static final String NOT_GIVEN = "NOT_GIVEN";

    private SourceViews() {
    }

    public record ListSourceDocuments() {
    }

    public record GetSourceDocument(String documentId) {
    }

    /**
     * Facts by their provenance, a keyset page in store order.
     *
     * @param basis    PRINTED, DERIVED, RECONSTRUCTED, or NOT_PRINTED (derived, reconstructed, or no source given)
     * @param document only facts from this document, or null
     * @param namnd    only facts from this nämnd's documents, or null
     */
    public record FindFacts(String basis, String document, String namnd, Long after, int limit) {
    }

    public record SourceDocumentView(String documentId, String title, String namnd, int year, SourceDocumentKind kind,
                                     String diarienummer, List<SourceDocumentRegistered.Field> notGivenInSource) {
    }

    /** A document's registration and everything the ledger holds from it, in the document's order. */
    public record DocumentContents(SourceDocumentView document, List<DocumentItem> items) {
    }

    /**
     * One item the ledger holds from the document, as it stands now.
     *
     * @param itemKey   what of the entity: its key, or a statement about it (goal:RS-2026:m1#continuity); the key
     *                  the views show its provenance under
     * @param entityKey the audit trail's key of the entity (goal:RS-2026:m1)
     * @param summary   its title, text or label, for reading beside the document
     * @param content   its whole current content
     */
    public record DocumentItem(String itemKey, String entityKey, String entityKind, String summary, String section, Integer page,
                               Provenance.Basis basis, String rule, String words, Map<String, Object> content,
                               Instant at, String who) {
    }

    /**
     * A write and the provenance it gave (null: none).
     *
     * @param itemKey what of the entity it sets, as the views key its provenance (goal:RS-2026:m1#continuity)
     * @param basis the basis, NOT_GIVEN where the write gave no source
     */
    public record Fact(long position, Instant at, String who, String eventType, String entityKind, String entityKey,
                       String itemKey, String basis, Provenance provenance) {
    }

    public record FactPage(List<Fact> facts, String next) {
    }
}
