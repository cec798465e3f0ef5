package se.uppfoljningsliggaren.command.access;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.uppfoljningsliggaren.command.catalogue.StubCatalogueLookup;
import se.uppfoljningsliggaren.kernel.access.AccessCommands;
import se.uppfoljningsliggaren.kernel.access.AccessCommands.SetNamndScope;
import se.uppfoljningsliggaren.kernel.access.NamndScopeSet;

import java.util.Set;
import java.util.TreeSet;

import static se.uppfoljningsliggaren.command.Rejected.conflict;
import static se.uppfoljningsliggaren.command.Rejected.unknown;

/** The admin's register of the nämnder a person writes for: every change an event, only real nämnder. */
class BehorighetTest {

    private static final String ID = AccessCommands.behorighetId("sven-1");
    private FixtureConfiguration<Behorighet> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Behorighet.class);
        fixture.registerInjectableResource(new StubCatalogueLookup().namnd("RS", "SN"));
    }

    @Test
    void an_admin_grants_a_person_nämnder() {
        fixture.givenNoPriorActivity()
                .when(new SetNamndScope(ID, null, "sven-1", "Sven Nilsson", Set.of("SN", "RS")))
                .expectEvents(new NamndScopeSet("sven-1", "Sven Nilsson", new TreeSet<>(Set.of("RS", "SN"))));
    }

    @Test
    void an_empty_set_takes_the_granted_nämnder_back() {
        fixture.given(new NamndScopeSet("sven-1", "Sven Nilsson", new TreeSet<>(Set.of("RS"))))
                .when(new SetNamndScope(ID, null, "sven-1", "Sven Nilsson", Set.of()))
                .expectEvents(new NamndScopeSet("sven-1", "Sven Nilsson", new TreeSet<>()));
    }

    @Test
    void a_nämnd_that_is_not_registered_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new SetNamndScope(ID, null, "sven-1", null, Set.of("XX")))
                .expectNoEvents().expectException(unknown("namnder"));
    }

    @Test
    void setting_the_same_scope_again_is_a_conflict_not_a_silent_repeat() {
        fixture.given(new NamndScopeSet("sven-1", null, new TreeSet<>(Set.of("RS"))))
                .when(new SetNamndScope(ID, null, "sven-1", null, Set.of("RS")))
                .expectNoEvents().expectException(conflict("namnder"));
    }
}
