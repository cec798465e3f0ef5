package se.uppfoljningsliggaren.command.catalogue;

import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;
import se.uppfoljningsliggaren.command.Aggregates;

import java.util.Optional;

@Component
class RepositoryCatalogueLookup implements CatalogueLookup {

    private final Repository<Namnd> namnder;
    private final Repository<Indikator> indikatorer;
    private final Repository<RfUppdrag> rfUppdrag;

    RepositoryCatalogueLookup(Repository<Namnd> namnder, Repository<Indikator> indikatorer,
                              Repository<RfUppdrag> rfUppdrag) {
        this.namnder = namnder;
        this.indikatorer = indikatorer;
        this.rfUppdrag = rfUppdrag;
    }

    @Override
    public boolean namndExists(String code) {
        return Aggregates.read(namnder, code, namnd -> true).isPresent();
    }

    @Override
    public boolean indikatorExists(String indikatorId) {
        return Aggregates.read(indikatorer, indikatorId, indikator -> true).isPresent();
    }

    @Override
    public Optional<RfUppdrag.RfUppdragLookup> rfUppdrag(String rfUppdragId) {
        return Aggregates.read(rfUppdrag, rfUppdragId, RfUppdrag::lookup);
    }
}
