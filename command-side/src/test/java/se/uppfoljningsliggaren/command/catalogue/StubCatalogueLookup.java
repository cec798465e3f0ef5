package se.uppfoljningsliggaren.command.catalogue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** An in-memory catalogue for aggregate tests: only what a test registers exists. */
public class StubCatalogueLookup implements CatalogueLookup {

    private final Set<String> namnder = new HashSet<>();
    private final Set<String> indikatorer = new HashSet<>();
    private final Map<String, RfUppdrag.RfUppdragLookup> rfUppdrag = new HashMap<>();

    public StubCatalogueLookup namnd(String... codes) {
        namnder.addAll(Set.of(codes));
        return this;
    }

    public StubCatalogueLookup indikator(String... ids) {
        indikatorer.addAll(Set.of(ids));
        return this;
    }

    public StubCatalogueLookup rfUppdrag(String rfUppdragId, int year, String... givenTo) {
        rfUppdrag.put(rfUppdragId, new RfUppdrag.RfUppdragLookup(rfUppdragId, year, Set.of(givenTo)));
        return this;
    }

    @Override
    public boolean namndExists(String code) {
        return code != null && namnder.contains(code);
    }

    @Override
    public boolean indikatorExists(String indikatorId) {
        return indikatorId != null && indikatorer.contains(indikatorId);
    }

    @Override
    public Optional<RfUppdrag.RfUppdragLookup> rfUppdrag(String rfUppdragId) {
        return Optional.ofNullable(rfUppdragId == null ? null : rfUppdrag.get(rfUppdragId));
    }
}
