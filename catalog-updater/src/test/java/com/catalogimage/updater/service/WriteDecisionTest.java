package com.catalogimage.updater.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WriteDecisionTest {

    static final String OURS = "https://images.example.blob.core.windows.net/catalog/products/7/a.png";

    @Test
    void aMissingRowIsGoneWhateverElse() {
        assertThat(WriteDecision.decide(false, null, OURS)).isEqualTo(WriteDecision.PRODUCT_GONE);
        assertThat(WriteDecision.decide(false, OURS, OURS)).isEqualTo(WriteDecision.PRODUCT_GONE);
    }

    @Test
    void noImageMeansWrite() {
        assertThat(WriteDecision.decide(true, null, OURS)).isEqualTo(WriteDecision.WRITE);
        assertThat(WriteDecision.decide(true, "", OURS)).isEqualTo(WriteDecision.WRITE);
        assertThat(WriteDecision.decide(true, "   ", OURS)).isEqualTo(WriteDecision.WRITE);
    }

    @Test
    void ourOwnUrlIsAnEarlierWriteOfTheSameImage() {
        assertThat(WriteDecision.decide(true, OURS, OURS)).isEqualTo(WriteDecision.ALREADY_COMPLETED);
        assertThat(WriteDecision.decide(true, " " + OURS + "\n", OURS)).isEqualTo(WriteDecision.ALREADY_COMPLETED);
    }

    @Test
    void anyOtherImageIsNeverOverwritten() {
        assertThat(WriteDecision.decide(true, "https://cdn.example.com/editor.jpg", OURS)).isEqualTo(WriteDecision.ALREADY_HAS_IMAGE);
        assertThat(WriteDecision.decide(true, OURS.replace("a.png", "b.png"), OURS)).isEqualTo(WriteDecision.ALREADY_HAS_IMAGE);
        assertThat(WriteDecision.decide(true, "/images/products/7.png", OURS))
                .as("the seed's relative paths count as an image").isEqualTo(WriteDecision.ALREADY_HAS_IMAGE);
    }

    @Test
    void aRefusedConditionalWriteIsOursAlreadyOrSomeoneElses() {
        assertThat(WriteDecision.ofRefusedWrite(OURS, OURS)).as("another delivery of the same image won")
                .isEqualTo(WriteDecision.ALREADY_COMPLETED);
        assertThat(WriteDecision.ofRefusedWrite("https://cdn.example.com/editor.jpg", OURS))
                .isEqualTo(WriteDecision.OUTSIDE_WRITE);
        assertThat(WriteDecision.ofRefusedWrite(null, OURS)).isEqualTo(WriteDecision.OUTSIDE_WRITE);
    }

    static final String ORIGINAL = "https://supplier-cdn.example.com/photos/7.jpg";

    /** A restyle replaces exactly the image it was made from (decision 0031). */
    @Test
    void aRestyleOverwritesTheOriginalItReplaces() {
        assertThat(WriteDecision.decide(true, ORIGINAL, OURS, ORIGINAL)).isEqualTo(WriteDecision.WRITE);
        assertThat(WriteDecision.decide(true, " " + ORIGINAL + " ", OURS, ORIGINAL)).isEqualTo(WriteDecision.WRITE);
    }

    @Test
    void aRestyleWhoseOriginalWasChangedMeanwhileWritesNothing() {
        assertThat(WriteDecision.decide(true, "https://cdn.example.com/editor.jpg", OURS, ORIGINAL))
                .isEqualTo(WriteDecision.IMAGE_CHANGED);
        assertThat(WriteDecision.decide(true, null, OURS, ORIGINAL)).as("removed meanwhile: also a change, kept")
                .isEqualTo(WriteDecision.IMAGE_CHANGED);
        assertThat(WriteDecision.decide(true, ORIGINAL.replace("7.jpg", "8.jpg"), OURS, ORIGINAL))
                .isEqualTo(WriteDecision.IMAGE_CHANGED);
    }

    @Test
    void aRestyleAlreadyWrittenIsCompletedAndAGoneProductIsGone() {
        assertThat(WriteDecision.decide(true, OURS, OURS, ORIGINAL)).isEqualTo(WriteDecision.ALREADY_COMPLETED);
        assertThat(WriteDecision.decide(false, ORIGINAL, OURS, ORIGINAL)).isEqualTo(WriteDecision.PRODUCT_GONE);
    }

    /** Without an original (not a restyle, or a restyle that named none) today's rule: never overwrite. */
    @Test
    void withoutAnOriginalNothingIsEverOverwritten() {
        assertThat(WriteDecision.decide(true, ORIGINAL, OURS, null)).isEqualTo(WriteDecision.ALREADY_HAS_IMAGE);
        assertThat(WriteDecision.decide(true, ORIGINAL, OURS, " ")).isEqualTo(WriteDecision.ALREADY_HAS_IMAGE);
        assertThat(WriteDecision.decide(true, null, OURS, null)).isEqualTo(WriteDecision.WRITE);
    }
}
