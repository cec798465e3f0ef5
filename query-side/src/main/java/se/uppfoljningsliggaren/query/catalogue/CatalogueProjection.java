package se.uppfoljningsliggaren.query.catalogue;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import se.uppfoljningsliggaren.kernel.LedgerMetadata;
import se.uppfoljningsliggaren.kernel.access.NamndScopeSet;
import se.uppfoljningsliggaren.kernel.catalogue.IndikatorRegistered;
import se.uppfoljningsliggaren.kernel.catalogue.NamndRegistered;
import se.uppfoljningsliggaren.kernel.catalogue.RfUppdragIssued;
import se.uppfoljningsliggaren.kernel.source.SourceDocumentRegistered;

/**
 * Reference data as read tables: nämnder, the indikator catalogue, region-wide RF uppdrag, the source documents, and
 * the admin's register of who writes for which nämnd.
 */
@Component
@ProcessingGroup(CatalogueProjection.PROCESSING_GROUP)
class CatalogueProjection {

    static final String PROCESSING_GROUP = "catalogue-views";

    private final JdbcTemplate jdbc;

    CatalogueProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(NamndRegistered event) {
        jdbc.update("INSERT INTO namnd_view (code, name, forvaltning) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                event.code(), event.name(), event.forvaltning());
    }

    @EventHandler
    void on(IndikatorRegistered event) {
        jdbc.update("INSERT INTO indikator_view (indikator_id, name, unit, description) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT DO NOTHING", event.indikatorId(), event.name(), event.unit(), event.description());
    }

    @EventHandler
    void on(RfUppdragIssued event) {
        jdbc.update("INSERT INTO rf_uppdrag_view (rf_uppdrag_id, year, nr, text, given_to, continues_from) "
                        + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", event.rfUppdragId(), event.year(),
                event.nr(), event.text(), event.givenTo().toArray(String[]::new), event.continuesFrom());
    }

    @EventHandler
    void on(SourceDocumentRegistered event, EventMessage<?> message) {
        jdbc.update("""
                INSERT INTO source_document_view (document_id, title, namnd_code, year, kind, diarienummer,
                    not_given_in_source, registered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                event.documentId(), event.title(), event.namndCode(), event.year(), event.kind().name(),
                event.diarienummer(), event.notGivenInSource().stream().map(Enum::name).toArray(String[]::new),
                Timestamp.from(message.getTimestamp()));
    }

    @EventHandler
    void on(NamndScopeSet event, EventMessage<?> message) {
        jdbc.update("""
                INSERT INTO namnd_scope_view (subject, name, namnder, set_at, set_by) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (subject) DO UPDATE SET name = EXCLUDED.name, namnder = EXCLUDED.namnder,
                    set_at = EXCLUDED.set_at, set_by = EXCLUDED.set_by""", event.subject(), event.name(),
                event.namnder().toArray(String[]::new), Timestamp.from(message.getTimestamp()),
                LedgerMetadata.principal(message.getMetaData()));
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM namnd_scope_view");
        jdbc.update("DELETE FROM namnd_view");
        jdbc.update("DELETE FROM indikator_view");
        jdbc.update("DELETE FROM rf_uppdrag_view");
        jdbc.update("DELETE FROM source_document_view");
    }
}
