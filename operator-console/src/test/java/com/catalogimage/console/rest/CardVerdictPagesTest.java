package com.catalogimage.console.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.catalogimage.console.support.ConsoleSession;
import com.catalogimage.console.support.Html;
import com.catalogimage.console.support.ScannerEmulatorTestResource;
import com.catalogimage.console.support.Seed;
import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.contracts.ProductStatus.State;
import com.catalogimage.contracts.QualityVerdict;
import com.catalogimage.localstack.testing.AzuriteTestResource;
import com.catalogimage.localstack.testing.ImageApiTestResource;
import com.catalogimage.localstack.testing.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Cards show the quality check and the alt text, escaped: model output is untrusted. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(AzuriteTestResource.class)
@WithTestResource(ScannerEmulatorTestResource.class)
@WithTestResource(ImageApiTestResource.class)
class CardVerdictPagesTest {

    private static final long HOSTILE = 9_200_101L;
    private static final long CHECKED = 9_200_102L;
    private static final String HOSTILE_ALT = "\"><script>alert(1)</script> Jeans & Tom's";

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static Html.Element card(ConsoleSession session, long productId) {
        session.form().post("/gallery/refresh").then().statusCode(303);
        return Html.elements(session.request().get("/gallery").then().statusCode(200).extract().asString(), "article",
                "card").stream().filter(c -> String.valueOf(productId).equals(c.attr("data-product-id"))).findFirst()
                .orElse(null);
    }

    @Test
    void aGalleryCardShowsAFailedCheckWithItsReasonsAndAHostileAltTextOnlyAsText() {
        Seed.image(Seed.PUBLIC, HOSTILE, "Blue Denim Jeans", "Clothing", "jeans on white", "req-hostile",
                Instant.now(), Map.of("alttext", encoded(HOSTILE_ALT), "qualitycheck", "FAILED",
                        "qualityreasons", encoded("<b>Logo</b> on the pocket; text \"SALE\"")));
        ConsoleSession operator = ConsoleSession.operator();
        Html.Element card = await().atMost(Duration.ofSeconds(30)).until(() -> card(operator, HOSTILE),
                found -> found != null);

        assertThat(card.inner()).doesNotContain("<script", "<b>Logo")
                .contains("&lt;b&gt;Logo&lt;/b&gt; on the pocket; text &quot;SALE&quot;")
                .contains("Jeans &amp; Tom&#39;s");
        assertThat(Html.tags(card.inner(), "verdict").get(0).attr("data-outcome")).isEqualTo("FAILED");
        assertThat(card.text("verdict")).startsWith("Quality check: failed");
        String alt = Html.tags(card.inner(), "thumb").get(0).attr("alt");
        assertThat(alt).contains("Jeans & Tom's").doesNotContain("<", ">", "\"", "(");
        assertThat(card.text("alt-text")).isEqualTo("Alt text: " + alt);
    }

    @Test
    void theProductPageShowsTheVerdictItsStatusCarried() {
        Seed.image(Seed.PUBLIC, CHECKED, "Blue Ceramic Mug", "Kitchen", "a mug on white", "req-checked",
                Instant.now());
        QualityVerdict verdict = new QualityVerdict(QualityVerdict.Outcome.PASSED, true, true, true, true, List.of(),
                "Blue ceramic mug with a handle on white", "gpt-5-mini", 1200, 300, new BigDecimal("0.0009"), 0);
        Seed.status(new ProductStatus(CHECKED, "req-checked", 1, State.COMPLETED, null, "catalog updated",
                "catalog-updater", Instant.now(), null).withVerdict(verdict), null);
        ConsoleSession viewer = ConsoleSession.viewer();

        String page = await().atMost(Duration.ofSeconds(30)).until(() -> {
            ConsoleSession.operator().form().post("/gallery/refresh");
            return viewer.request().get("/products/" + CHECKED).then().extract().asString();
        }, html -> html.contains("timeline-verdict") && html.contains("data-testid=\"image\""));

        Html.Element image = Html.elements(page, "figure", "image").get(0);
        assertThat(Html.tags(image.inner(), "verdict").get(0).attr("data-outcome")).isEqualTo("PASSED");
        assertThat(image.text("alt-text")).isEqualTo("Alt text: Blue ceramic mug with a handle on white");
        assertThat(Html.text(page, "timeline-verdict")).isEqualTo("check passed");
    }
}
