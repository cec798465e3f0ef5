package se.uppfoljningsliggaren.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.flipkart.zjsonpatch.JsonDiff;
import com.flipkart.zjsonpatch.JsonPatch;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DocumentHistoryTest {

    @Test
    void a_patch_gives_the_next_document_back_whatever_the_order_of_its_keys() {
        JsonNode before = ReadModelJson.tree("""
                {"goals": {"m1": {"title": "God vård", "addedIn": 1}}, "version": 1, "amounts": [1.5, 2]}""");
        JsonNode after = ReadModelJson.tree("""
                {"version": 2, "amounts": [1.5, 2, 3.25], "goals": {"m1": {"addedIn": 1, "title": "God och nära vård"}}}""");
        JsonNode patch = JsonDiff.asJson(before, after);
        assertThat(DocumentHistory.same(JsonPatch.apply(patch, before), after)).isTrue();
        assertThat(patch.toString()).doesNotContain("addedIn");
    }

    @Test
    void a_decimal_whose_scale_alone_changed_is_a_change_the_diff_does_not_see() {
        JsonNode before = ReadModelJson.tree("{\"amount\": 1.5}");
        JsonNode after = ReadModelJson.tree("{\"amount\": 1.50}");
        JsonNode patch = JsonDiff.asJson(before, after);
        // so DocumentHistory stores the whole document instead of this patch
        assertThat(DocumentHistory.same(JsonPatch.apply(patch, before), after)).isFalse();
        assertThat(DocumentHistory.same(after, ReadModelJson.tree("{\"amount\": 1.50}"))).isTrue();
    }

    @Test
    void the_patch_between_sorted_trees_is_the_same_whichever_order_the_previous_text_had() {
        // the previous document as the live table's jsonb prints it, and as the projection wrote it in the batch
        String fromTable = "{\"goals\": {\"m1\": {\"title\": \"God vård\", \"addedIn\": 1}}, \"version\": 1}";
        String fromBatch = "{\"version\": 1, \"goals\": {\"m1\": {\"addedIn\": 1, \"title\": \"God vård\"}}}";
        JsonNode after = ReadModelJson.sortedTree(
                "{\"version\": 2, \"goals\": {\"m2\": {\"title\": \"Nära\"}, \"m1\": {\"addedIn\": 1, \"title\": \"God\"}}}");
        assertThat(JsonDiff.asJson(ReadModelJson.sortedTree(fromTable), after).toString())
                .isEqualTo(JsonDiff.asJson(ReadModelJson.sortedTree(fromBatch), after).toString());
    }
}
