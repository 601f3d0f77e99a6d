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
}
