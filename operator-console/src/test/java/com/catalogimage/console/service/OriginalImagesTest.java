package com.catalogimage.console.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A restyle's original: drawn only from a configured host, a link only when it is http(s). */
class OriginalImagesTest {

    private final OriginalImages originals = new OriginalImages(Optional.of(List.of(" cdn.supplier.example ",
            "127.0.0.1:7070", "evil.example; script-src *", "")));

    @Test
    void onlyPlainHostsBecomeImageSourcesSoNothingCanBeAddedToThePolicy() {
        assertThat(originals.sources()).containsExactly("cdn.supplier.example", "127.0.0.1:7070");
    }

    @Test
    void anOriginalFromAConfiguredHostIsDrawnAndAnyOtherIsALink() {
        assertThat(originals.of("https://cdn.supplier.example/p/1.jpg").drawn()).isTrue();
        assertThat(originals.of("http://127.0.0.1:7070/p.png").drawn()).isTrue();
        assertThat(originals.of("http://127.0.0.1:7071/p.png").drawn()).as("another port").isFalse();
        OriginalImages.Original elsewhere = originals.of("https://elsewhere.example/p.jpg");
        assertThat(elsewhere.drawn()).isFalse();
        assertThat(elsewhere.url()).isEqualTo("https://elsewhere.example/p.jpg");
    }

    @Test
    void whatIsNoWebAddressIsShownAsTextOnly() {
        for (String value : List.of("javascript:alert(1)", "file:///etc/passwd", "https://user:pw@cdn.supplier.example/a",
                "https://cdn.supplier.example/a b<c>")) {
            OriginalImages.Original original = originals.of(value);
            assertThat(original.url()).as(value).isNull();
            assertThat(original.drawn()).isFalse();
            assertThat(original.text()).isEqualTo(value);
        }
        assertThat(originals.of(null)).isNull();
        assertThat(new OriginalImages(Optional.empty()).of("https://cdn.supplier.example/p.jpg").drawn()).isFalse();
    }
}
