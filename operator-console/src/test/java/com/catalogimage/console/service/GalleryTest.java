package com.catalogimage.console.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.catalogimage.contracts.ProductStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GalleryTest {

    private static GalleryImage image(long id, String name, String category, String at) {
        return GalleryImage.of(GalleryImage.Location.PUBLIC, "images/" + id + "-x-0123456789ab.png", Map.of(
                "productid", String.valueOf(id), "productname", name, "category", category, "generatedat", at),
                Instant.EPOCH, true);
    }

    @Test
    void theQualityCheckIsReadBesideTheImagesQualitySetting() {
        GalleryImage both = GalleryImage.of(GalleryImage.Location.PUBLIC, "images/8-x-0123456789ab.png", Map.of(
                "quality", "low", "qualitycheck", "FAILED", "qualityreasons", "Text+%22SALE%22+on+the+tag",
                "alttext", "Blue+jeans+folded"), Instant.EPOCH, true);
        assertThat(both.quality()).isEqualTo("low");
        assertThat(both.checkOutcome()).isEqualTo("FAILED");
        assertThat(both.checkReasons()).isEqualTo("Text \"SALE\" on the tag");
        assertThat(both.altText()).isEqualTo("Blue jeans folded");

        // the outcome in "quality" (issue 13's contract named that key) is not taken for the setting
        GalleryImage outcomeOnly = GalleryImage.of(GalleryImage.Location.PUBLIC, "images/8-x-0123456789ab.png",
                Map.of("quality", "passed"), Instant.EPOCH, true);
        assertThat(outcomeOnly.checkOutcome()).isEqualTo("PASSED");
        assertThat(outcomeOnly.quality()).isNull();
        assertThat(CardVerdict.of(outcomeOnly, null).label()).isEqualTo("passed");
        assertThat(CardVerdict.of(image(9, "Mug", "Kitchen", "2026-12-01T10:00:00Z"), null).label())
                .isEqualTo("not checked");
    }

    @Test
    void metadataIsDecodedAsTheUploaderEncodedIt() {
        GalleryImage image = GalleryImage.of(GalleryImage.Location.REVIEW, "images/7-cafe-0123456789ab.png", Map.of(
                "productid", "7", "productname", "Caf%C3%A9+%3Cb%3Enoir%3C%2Fb%3E", "prompt", "A+cup%2C+50%25+off",
                "costusd", "0.011", "attempt", "2", "generatedat", "2026-12-01T10:00:00Z"), Instant.EPOCH, true);

        assertThat(image.productName()).isEqualTo("Café <b>noir</b>");
        assertThat(image.prompt()).isEqualTo("A cup, 50% off");
        assertThat(image.costUsd()).isEqualByComparingTo(new BigDecimal("0.011"));
        assertThat(image.attempt()).isEqualTo(2);
        assertThat(image.at()).isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
        assertThat(image.thumbnail()).isEqualTo("images/7-cafe-0123456789ab.thumb.jpg");
    }

    @Test
    void anImageWithoutMetadataStillBelongsToTheProductItsNameNames() {
        GalleryImage image = GalleryImage.of(GalleryImage.Location.PUBLIC, "images/42-mug-0123456789ab.png", Map.of(),
                Instant.parse("2026-01-01T00:00:00Z"), false);

        assertThat(image.productId()).isEqualTo(42L);
        assertThat(image.thumbnail()).isNull();
        assertThat(image.at()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(GalleryImage.isThumbnail("images/42-mug-0123456789ab.thumb.jpg")).isTrue();
    }

    @Test
    void pagesHoldSixtyNewestFirstAndFiltersCombine() {
        List<GalleryImage> images = new ArrayList<>();
        for (int i = 0; i < 130; i++) {
            images.add(image(i, i % 2 == 0 ? "Red Mug " + i : "Blue Lamp " + i, i % 2 == 0 ? "Kitchen" : "Lighting",
                    Instant.parse("2026-12-01T00:00:00Z").plusSeconds(i * 60L).toString()));
        }
        images.sort(BlobIndex.NEWEST_FIRST);

        GalleryQuery.Page first = new GalleryQuery(null, null, null, null, null, 1).apply(images, id -> "COMPLETED", 60);
        assertThat(first.images()).hasSize(60);
        assertThat(first.images().get(0).productId()).isEqualTo(129L);
        assertThat(first.pages()).isEqualTo(3);
        assertThat(new GalleryQuery(null, null, null, null, null, 3).apply(images, id -> "COMPLETED", 60).images())
                .hasSize(10);

        GalleryQuery.Page lamps = new GalleryQuery("completed", "lighting", "2026-12-01", "2026-12-01", "LAMP", 1)
                .apply(images, id -> id % 4 == 1 ? "COMPLETED" : "AWAITING_REVIEW", 60);
        assertThat(lamps.images()).isNotEmpty().allSatisfy(i -> {
            assertThat(i.productId() % 4).isEqualTo(1L);
            assertThat(i.productName()).contains("Lamp");
        });
        assertThat(new GalleryQuery(null, null, "2026-12-02", null, null, 1).apply(images, id -> "X", 60).total())
                .isZero();
        assertThat(new GalleryQuery("NOT-A-STATE", null, "garbage", null, null, 9).apply(images, id -> "X", 60).total())
                .as("unreadable filters are ignored").isEqualTo(130);
    }

    @Test
    void metersAreReadFromThePrometheusText() {
        String text = """
                # HELP generator_deployment_rpm
                # TYPE generator_deployment_rpm gauge
                generator_deployment_rpm{deployment="east"} 6.0
                generator_deployment_rpm{deployment="west"} 12.0
                generator_api_failures_total{class="THROTTLED",deployment="east"} 3.0
                generator_api_failures_total{class="TRANSIENT",deployment="east"} 1.0
                generator_budget_images_today 17.0
                odd_label{v="a \\"quoted\\" value"} 1 1700000000000
                """;
        List<PrometheusText.Sample> samples = PrometheusText.parse(text);

        assertThat(PrometheusText.sum(samples, "generator_deployment_rpm", Map.of())).isEqualTo(18.0);
        assertThat(PrometheusText.sum(samples, "generator_api_failures_total", Map.of("class", "THROTTLED"))).isEqualTo(3.0);
        assertThat(PrometheusText.sum(samples, "generator_budget_images_today", Map.of())).isEqualTo(17.0);
        assertThat(samples).anySatisfy(s -> assertThat(s.labels().get("v")).isEqualTo("a \"quoted\" value"));
    }

    @Test
    void todaysSpendCountsEachRequestOnce() {
        Instant now = Instant.parse("2026-12-01T12:00:00Z");
        DailySpend spend = new DailySpend();
        ProductStatus generated = new ProductStatus(1, "r1", 1, ProductStatus.State.GENERATED, null, null, "g",
                now.minusSeconds(60), new BigDecimal("0.011"));
        spend.status(generated, now);
        spend.status(generated, now);
        spend.status(new ProductStatus(2, "r2", 1, ProductStatus.State.GENERATED, null, null, "g",
                now.minusSeconds(86_400), new BigDecimal("0.011")), now);

        assertThat(spend.today(now).images()).isEqualTo(1);
        assertThat(spend.today(now).costUsd()).isEqualByComparingTo("0.011");
        assertThat(spend.today(now.plusSeconds(86_400)).images()).isZero();
    }
}
