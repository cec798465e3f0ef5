package se.uppfoljningsliggaren.query.catalogue;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.uppfoljningsliggaren.kernel.catalogue.IndikatorRegistered;
import se.uppfoljningsliggaren.kernel.catalogue.NamndRegistered;
import se.uppfoljningsliggaren.kernel.catalogue.RfUppdragIssued;

/** Reference data as read tables: nämnder, the indikator catalogue, region-wide RF uppdrag. */
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

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM namnd_view");
        jdbc.update("DELETE FROM indikator_view");
        jdbc.update("DELETE FROM rf_uppdrag_view");
    }
}
