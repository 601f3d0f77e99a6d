package com.catalogimage.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AltTextTest {

    @Test
    void markupUrlsAndLeadInsAreRemoved() {
        String hostile = "Image of <img src=x onerror=alert(1)>a red mug, see https://evil.example/x?sig=1 "
                + "or www.evil.example &amp; [click](javascript:alert(1))";
        String cleaned = AltText.clean(hostile);
        assertThat(cleaned).doesNotContain("<", ">", "http", "www.", "javascript", "evil", "&amp;", "[", "]")
                .startsWith("Red mug");
    }

    @Test
    void boundedToOneHundredTwentyFiveCharactersOnAWordBoundary() {
        String cleaned = AltText.clean("a ceramic mug ".repeat(30));
        assertThat(cleaned.length()).isLessThanOrEqualTo(AltText.MAX);
        assertThat(cleaned).endsWith("mug");
    }

    @Test
    void controlCharactersAndLineBreaksBecomeOneLine() {
        assertThat(AltText.clean("Blue\u0000 jeans\n\non a\u202e white background"))
                .isEqualTo("Blue jeans on a white background");
    }

    @Test
    void nothingLeftFallsBackToTheProduct() {
        Product product = new Product(7, "Trail Shoe", "d", 1, "Footwear", null);
        assertThat(AltText.clean("<b></b> https://x.example", AltText.fallback(product))).isEqualTo("Trail Shoe, footwear");
        assertThat(AltText.clean("  ")).isNull();
    }

    @Test
    void photoOfLeadInsGoWhateverTheirCase() {
        assertThat(AltText.clean("A photo of the white sneaker on grey")).isEqualTo("White sneaker on grey");
        assertThat(AltText.clean("PICTURE OF: steel kettle")).isEqualTo("Steel kettle");
    }

    @Test
    void aCutAtTheLimitNeverSplitsAnEmoji() {
        String cleaned = AltText.clean("x".repeat(AltText.MAX - 1) + "\uD83D\uDE00 more");
        assertThat(cleaned).hasSize(AltText.MAX - 1);
        assertThat(Character.isHighSurrogate(cleaned.charAt(cleaned.length() - 1))).isFalse();
    }
}
