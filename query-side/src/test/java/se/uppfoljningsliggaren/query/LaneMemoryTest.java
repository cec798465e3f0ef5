package se.uppfoljningsliggaren.query;

import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class LaneMemoryTest {

    @Test
    void a_key_written_is_never_taken_for_one_never_written() {
        LaneMemory.Of<String> memory = new LaneMemory.Of<>(10);
        IntStream.range(0, 100_000).forEach(i -> memory.wrote("utfall:SN:ind-" + i, "v" + i));
        assertThat(IntStream.range(0, 100_000).noneMatch(i -> memory.neverWritten("utfall:SN:ind-" + i))).isTrue();
        // the filter may take a few keys never written for written ones (they are then looked up), not many
        long mistaken = IntStream.range(100_000, 200_000)
                .filter(i -> !memory.neverWritten("utfall:SN:ind-" + i)).count();
        assertThat(mistaken).isLessThan(100);
    }

    @Test
    void only_the_most_recently_used_values_are_remembered() {
        LaneMemory.Of<String> memory = new LaneMemory.Of<>(2);
        memory.wrote("a", "1");
        memory.wrote("b", "2");
        assertThat(memory.recent("a")).isEqualTo("1");
        memory.wrote("c", "3");
        assertThat(memory.recent("b")).isNull();
        assertThat(memory.recent("a")).isEqualTo("1");
        assertThat(memory.recent("c")).isEqualTo("3");
        assertThat(memory.neverWritten("b")).isFalse();

        // what it can answer leaves the keys to look up: "never" for d, the value for a; b (forgotten) is left
        java.util.Set<String> toLookUp = new java.util.HashSet<>(java.util.Set.of("a", "b", "d"));
        java.util.Map<String, String> known = new java.util.HashMap<>();
        memory.answer(toLookUp, known);
        assertThat(toLookUp).containsExactly("b");
        assertThat(known).containsExactly(java.util.Map.entry("a", "1"));
    }
}
