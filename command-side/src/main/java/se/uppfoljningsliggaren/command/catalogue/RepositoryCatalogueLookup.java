package se.uppfoljningsliggaren.command.catalogue;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.function.Supplier;

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
        return code != null && find(() -> namnder.load(code)).isPresent();
    }

    @Override
    public boolean indikatorExists(String indikatorId) {
        return indikatorId != null && find(() -> indikatorer.load(indikatorId)).isPresent();
    }

    @Override
    public Optional<RfUppdrag.RfUppdragLookup> rfUppdrag(String rfUppdragId) {
        if (rfUppdragId == null) {
            return Optional.empty();
        }
        return find(() -> rfUppdrag.load(rfUppdragId)).map(a -> a.invoke(RfUppdrag::lookup));
    }

    private static <T> Optional<T> find(Supplier<T> load) {
        try {
            return Optional.of(load.get());
        } catch (AggregateNotFoundException e) {
            return Optional.empty();
        }
    }
}
