package com.catalogimage.console.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.catalogimage.console.client.DeadLetterListing;
import com.catalogimage.contracts.Product;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RewriteRuleTest {

    private static final Product JEANS = new Product(7, "Blue Denim Jeans", "Five-pocket <b>jeans</b>", 3, "Clothing",
            "denim, casual");

    private static DeadLetterListing.Entry letter(String id, String requestId, String override, boolean replayed,
            String at) {
        return new DeadLetterListing.Entry(id, 7L, requestId, "image-generator", "CONTENT_POLICY", "refused", 1,
                Instant.parse(at), "image-requests", "ImageRequest", JEANS.name(), override, null, 1, replayed,
                replayed ? "replay-" + id : null, JEANS);
    }

    @Test
    void theFirstRefusalGetsARewrite() {
        DeadLetterListing.Entry first = letter("0-1", "r-1", null, false, "2026-12-01T10:00:00Z");
        RewriteRule.Decision decision = RewriteRule.decide(List.of(first), "r-1");
        assertThat(decision.action()).isEqualTo(RewriteRule.Action.REWRITE);
        assertThat(decision.letter()).isEqualTo(first);
    }

    @Test
    void aProductWhoseRewriteWasRefusedIsLeftToAPerson() {
        List<DeadLetterListing.Entry> letters = List.of(
                letter("0-1", "r-1", null, true, "2026-12-01T10:00:00Z"),
                letter("0-2", "replay-0-1", "A pair of blue trousers on white", false, "2026-12-01T11:00:00Z"));
        assertThat(RewriteRule.decide(letters, "replay-0-1").action()).isEqualTo(RewriteRule.Action.LEAVE_TO_PERSON);
    }

    @Test
    void aReplayedRefusalOrAProductNoLongerDeadLetteredByItNeedsNothing() {
        DeadLetterListing.Entry replayed = letter("0-1", "r-1", null, true, "2026-12-01T10:00:00Z");
        assertThat(RewriteRule.decide(List.of(replayed), "r-1").action()).isEqualTo(RewriteRule.Action.NOTHING);
        DeadLetterListing.Entry open = letter("0-1", "r-1", null, false, "2026-12-01T10:00:00Z");
        assertThat(RewriteRule.decide(List.of(open), null).action()).isEqualTo(RewriteRule.Action.NOTHING);
        assertThat(RewriteRule.decide(List.of(open), "r-2").action()).isEqualTo(RewriteRule.Action.NOTHING);
        assertThat(RewriteRule.decide(List.of(), "r-1").action()).isEqualTo(RewriteRule.Action.NOTHING);
    }

    @Test
    void otherReasonsDoNotCount() {
        DeadLetterListing.Entry transient_ = new DeadLetterListing.Entry("0-3", 7L, "r-1", "image-generator",
                "RETRIES_EXHAUSTED", "500", 3, Instant.parse("2026-12-01T10:00:00Z"), "image-requests", "ImageRequest",
                JEANS.name(), "an edited prompt", null, 1, false, null, JEANS);
        assertThat(RewriteRule.decide(List.of(transient_), "r-1").action()).isEqualTo(RewriteRule.Action.NOTHING);
    }

    @Test
    void aRewriteEqualToAPromptAlreadyRefusedIsNotReplayedWhateverItsCaseAndSpacing() {
        List<DeadLetterListing.Entry> letters = List.of(
                letter("0-1", "r-1", null, true, "2026-12-01T10:00:00Z"),
                letter("0-2", "replay-0-1", "Blue trousers, folded, on white.", false, "2026-12-01T11:00:00Z"));
        assertThat(RewriteRule.replayable("  blue TROUSERS folded on white ", letters)).isFalse();
        // the rebuilt prompt of the first refusal counts too
        assertThat(RewriteRule.replayable(RefusedPrompt.of(letters.get(0)).toUpperCase(), letters)).isFalse();
        assertThat(RewriteRule.replayable("Blue denim trousers on a plain white background", letters)).isTrue();
        assertThat(RewriteRule.replayable("  ", letters)).isFalse();
    }

    @Test
    void theRefusedPromptIsTheOverrideAsSentElseTheProductsLines() {
        assertThat(RefusedPrompt.of(letter("0-2", "r", "Blue jeans\u0000 on white", false, "2026-12-01T10:00:00Z")))
                .isEqualTo("Blue jeans on white");
        assertThat(RefusedPrompt.of(letter("0-1", "r", null, false, "2026-12-01T10:00:00Z"))).isEqualTo("""
                Product Name: Blue Denim Jeans
                Description: Five-pocket jeans
                Category: Clothing
                Tags: denim, casual""");
    }
}
