package se.uppfoljningsliggaren.kernel.source;

import java.util.List;

/**
 * A source document was registered: what a fact's provenance names. A diarienummer the document does not print is
 * null and named in {@code notGivenInSource}.
 */
public record SourceDocumentRegistered(String documentId, String title, String namndCode, int year,
                                       SourceDocumentKind kind, String diarienummer, List<Field> notGivenInSource) {

    /** A part of the registration its document may leave out. */
    public enum Field { DIARIENUMMER }

    public SourceDocumentRegistered {
        notGivenInSource = notGivenInSource == null ? List.of() : List.copyOf(notGivenInSource);
    }
}
