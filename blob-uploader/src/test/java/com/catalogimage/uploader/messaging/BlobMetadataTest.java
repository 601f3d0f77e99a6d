package com.catalogimage.uploader.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.catalogimage.contracts.GeneratedImage;
import com.catalogimage.contracts.ImageRequest;
import com.catalogimage.contracts.AltText;
import com.catalogimage.contracts.Product;
import com.catalogimage.contracts.QualityVerdict;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BlobMetadataTest {

    private static final Instant AT = Instant.parse("2026-12-01T18:00:00Z");

    @Test
    void namesTheProductRequestGenerationAndThumbnail() {
        Map<String, String> metadata = BlobMetadata.of(generated("Café Crème Brûlée", "Desserts & Sweets",
                "A café crème brûlée on white, 50% off"), "images/7-cafe-creme-brulee-0123456789ab.thumb.jpg");

        assertThat(metadata).containsEntry("productid", "7")
                .containsEntry("requestid", "req-7")
                .containsEntry("attempt", "2")
                .containsEntry("model", "gpt-image-1-mini")
                .containsEntry("size", "1024x1024")
                .containsEntry("quality", "low")
                .containsEntry("costusd", "0.011")
                .containsEntry("generatedat", "2026-12-01T18:00:00Z")
                .containsEntry("thumbnail", "images/7-cafe-creme-brulee-0123456789ab.thumb.jpg")
                .doesNotContainKey("alttext");
        assertThat(URLDecoder.decode(metadata.get("productname"), StandardCharsets.UTF_8)).isEqualTo("Café Crème Brûlée");
        assertThat(URLDecoder.decode(metadata.get("category"), StandardCharsets.UTF_8)).isEqualTo("Desserts & Sweets");
        assertThat(URLDecoder.decode(metadata.get("prompt"), StandardCharsets.UTF_8))
                .isEqualTo("A café crème brûlée on white, 50% off");
        assertThat(metadata.values()).allMatch(BlobMetadataTest::printableAscii);
    }

    @Test
    void theVerdictGivesAltTextCleanedAgainTheOutcomeAndTheBoundedCritique() {
        String hostile = "Image of <script>alert(1)</script> https://evil.example Crème brûlée";
        Map<String, String> metadata = BlobMetadata.of(withVerdict(generated("n", "c", "p"), new QualityVerdict(
                QualityVerdict.Outcome.NOT_CHECKED, false, false, false, false, List.of("Vision model unreachable",
                "Retry later; 100% sure"), hostile, null, 0, 0, null, 0)), "t");

        assertThat(URLDecoder.decode(metadata.get("alttext"), StandardCharsets.UTF_8))
                .isEqualTo(AltText.clean(hostile)).isEqualTo("Alert 1 Crème brûlée");
        assertThat(metadata).containsEntry("qualitycheck", "not_checked").containsEntry("quality", "low");
        assertThat(URLDecoder.decode(metadata.get("qualityreasons"), StandardCharsets.UTF_8))
                .isEqualTo("Vision model unreachable; Retry later; 100% sure");
        assertThat(metadata.values()).allMatch(BlobMetadataTest::printableAscii);
    }

    @Test
    void alongsideAHostileVerdictEverythingStaysUnderAzuresLimit() {
        String emoji = "😀".repeat(3000);
        String hostile = "<script>alert(1)</script>\r\nX-Injected: yes\u0000\u202e" + "%zz".repeat(500) + emoji;
        QualityVerdict verdict = new QualityVerdict(QualityVerdict.Outcome.FAILED, false, false, false, false,
                Collections.nCopies(50, hostile), "Lamp " + emoji, "m", 1, 1, null, 9);
        Map<String, String> metadata = BlobMetadata.of(withVerdict(new GeneratedImage(
                new ImageRequest("r".repeat(5000), new Product(7, hostile, "d", 1, hostile, hostile), 2, null,
                        ImageRequest.Origin.SCAN, AT),
                new byte[] {1}, "image/png", "m\u00e9".repeat(2000), "d", "s".repeat(2000), "q\n".repeat(2000), null,
                new BigDecimal("1E+5000"), null, AT, hostile), verdict), "t".repeat(3000));

        assertThat(BlobMetadata.size(metadata)).isLessThanOrEqualTo(BlobMetadata.MAX_TOTAL);
        assertThat(metadata.values()).allMatch(BlobMetadataTest::printableAscii);
        assertThat(URLDecoder.decode(metadata.get("alttext"), StandardCharsets.UTF_8)).startsWith("Lamp 😀")
                .hasSizeLessThanOrEqualTo(AltText.MAX);
        assertThat(hostile + "; " + hostile).startsWith(URLDecoder.decode(metadata.get("qualityreasons"),
                StandardCharsets.UTF_8));
        assertThat(URLDecoder.decode(metadata.get("prompt"), StandardCharsets.UTF_8))
                .startsWith("<script>alert(1)</script>\r\nX-Injected: yes");
    }

    private static GeneratedImage withVerdict(GeneratedImage g, QualityVerdict verdict) {
        return new GeneratedImage(g.request(), g.image(), g.contentType(), g.model(), g.deployment(), g.size(),
                g.quality(), g.usage(), g.costUsd(), g.revisedPrompt(), g.generatedAt(), g.prompt(), verdict);
    }

    @Test
    void theThumbnailNamesItsImage() {
        assertThat(BlobMetadata.ofThumbnail(generated("Jeans", "Apparel", "jeans"), "images/7-jeans-0123456789ab.png"))
                .containsExactlyInAnyOrderEntriesOf(Map.of("productid", "7", "thumbnailof", "images/7-jeans-0123456789ab.png"));
    }

    @Test
    void aHostilePromptAndNameStayPrintableDecodableAndUnderAzuresLimit() {
        String emoji = "😀".repeat(3000);
        String hostile = "<script>alert(1)</script>\r\nX-Injected: yes\u0000\u202e" + "%zz".repeat(500) + emoji;
        Map<String, String> metadata = BlobMetadata.of(new GeneratedImage(
                new ImageRequest("r".repeat(5000), new Product(7, hostile, "d", 1, hostile, hostile), 2, null,
                        ImageRequest.Origin.SCAN, AT),
                new byte[] {1}, "image/png", "m\u00e9".repeat(2000), "d", "s".repeat(2000), "q\n".repeat(2000), null,
                new BigDecimal("1E+5000"), null, AT, hostile), "t".repeat(3000));

        assertThat(BlobMetadata.size(metadata)).isLessThanOrEqualTo(BlobMetadata.MAX_TOTAL)
                .isLessThan(BlobMetadata.AZURE_LIMIT);
        assertThat(metadata.values()).allMatch(BlobMetadataTest::printableAscii);
        // Cut between characters, never inside an escape or a surrogate pair: every value decodes to what was written.
        String prompt = URLDecoder.decode(metadata.get("prompt"), StandardCharsets.UTF_8);
        assertThat(hostile).startsWith(prompt);
        assertThat(prompt).startsWith("<script>alert(1)</script>\r\nX-Injected: yes");
        assertThat(prompt.length()).isLessThanOrEqualTo(BlobMetadata.PROMPT_CHARS);
        assertThat(hostile).startsWith(URLDecoder.decode(metadata.get("productname"), StandardCharsets.UTF_8));
        assertThat(hostile).startsWith(URLDecoder.decode(metadata.get("category"), StandardCharsets.UTF_8));
    }

    @Test
    void thePromptIsCutToAThousandCharactersBeforeEncoding() {
        String prompt = "a".repeat(999) + "😀" + "b".repeat(100);

        String cut = URLDecoder.decode(BlobMetadata.of(generated("n", "c", prompt), "t").get("prompt"),
                StandardCharsets.UTF_8);

        // The emoji's two chars straddle the cut: it is left out whole.
        assertThat(cut).isEqualTo("a".repeat(999));
    }

    @Test
    void anImageFromAnOlderGeneratorHasNoPromptEntry() {
        Map<String, String> metadata = BlobMetadata.of(generated("n", null, null), "t");

        assertThat(metadata).doesNotContainKeys("prompt", "category");
    }

    private static GeneratedImage generated(String name, String category, String prompt) {
        return new GeneratedImage(new ImageRequest("req-7", new Product(7, name, "d", 1, category, null), 2, null,
                ImageRequest.Origin.SCAN, AT), new byte[] {1}, "image/png", "gpt-image-1-mini", "gpt-image-1-mini",
                "1024x1024", "low", null, new BigDecimal("0.011"), null, AT, prompt);
    }

    private static boolean printableAscii(String value) {
        return value.chars().allMatch(c -> c >= 0x20 && c <= 0x7e);
    }
}
