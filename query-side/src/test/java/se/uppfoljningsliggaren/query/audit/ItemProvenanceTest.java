package se.uppfoljningsliggaren.query.audit;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import se.uppfoljningsliggaren.kernel.plan.GoalAdded;
import se.uppfoljningsliggaren.kernel.plan.ItemContinued;
import se.uppfoljningsliggaren.kernel.plan.PlanAdopted;
import se.uppfoljningsliggaren.kernel.source.Provenance;
import se.uppfoljningsliggaren.kernel.value.Beslut;
import se.uppfoljningsliggaren.kernel.value.GoalKind;
import se.uppfoljningsliggaren.kernel.value.GoalOrigin;
import se.uppfoljningsliggaren.kernel.value.PlanItemKind;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** Each item of a view keeps where the write that last set it said its content comes from. */
class ItemProvenanceTest {

    private static final Provenance PRINTED = Provenance.printed("000", "§3.2", 17);
    private static final Provenance READ_BY_A_PERSON = new Provenance("000", null, null,
            Provenance.Basis.RECONSTRUCTED, null, "same wording in 002 and 000");
    private static final GoalAdded GOAL = new GoalAdded("RS-2026", "m1", null, GoalKind.MALSATTNING, GoalOrigin.RF,
            "1", "Hälso- och sjukvården är god, säker och jämlik.", null, null);

    private final Map<String, Provenance> provenance = new TreeMap<>();

    @Test
    void a_goal_keeps_the_source_of_its_text_and_beside_it_that_of_its_continuity_and_the_adoption() {
        record(GOAL, PRINTED);
        record(new ItemContinued("RS-2026", PlanItemKind.GOAL, "m1", "RS-2025", "m1", null), READ_BY_A_PERSON);
        record(new PlanAdopted("RS-2026", new Beslut("Regionstyrelsen", null, null, null,
                List.of(Beslut.Field.DATUM, Beslut.Field.PARAGRAF, Beslut.Field.DIARIENUMMER))), READ_BY_A_PERSON);
        assertThat(provenance).containsExactly(Map.entry("goal:RS-2026:m1", PRINTED),
                Map.entry("goal:RS-2026:m1#continuity", READ_BY_A_PERSON),
                Map.entry("plan:RS-2026#adoption", READ_BY_A_PERSON));
    }

    @Test
    void an_item_last_set_by_a_write_without_a_source_has_none() {
        record(GOAL, PRINTED);
        record(GOAL, null);
        assertThat(provenance).isEmpty();
    }

    private void record(Object event, Provenance source) {
        MetaData metadata = source == null ? MetaData.emptyInstance() : MetaData.from(source.metadata());
        ItemProvenance.record(provenance, GenericEventMessage.asEventMessage(event).andMetaData(metadata));
    }
}
