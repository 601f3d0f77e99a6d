package com.catalogimage.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.catalogimage.console.support.ConsoleSession;
import com.catalogimage.console.support.Html;
import com.catalogimage.console.support.Sample;
import com.catalogimage.localstack.testing.AzuriteTestResource;
import com.catalogimage.localstack.testing.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The pages as a viewer sees them, from images in Azurite and statuses on the broker. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(AzuriteTestResource.class)
class ConsolePagesTest {

    private static final Pattern SAS_PERMISSION = Pattern.compile("[?&]sp=([^&\"]*)");

    @BeforeEach
    void sample() {
        Sample.ensure();
    }

    private static String page(ConsoleSession session, String path) {
        return session.request().get(path).then().statusCode(200).extract().asString();
    }

    private static List<Html.Element> cards(String html) {
        return Html.elements(html, "article", "card");
    }

    private static Html.Element card(String html, long productId) {
        return cards(html).stream().filter(c -> String.valueOf(productId).equals(c.attr("data-product-id"))).findFirst()
                .orElse(null);
    }

    @Test
    void theGalleryShowsEachImageAsACardWithItsThumbnailThroughAReadOnlyLink() {
        ConsoleSession viewer = ConsoleSession.viewer();
        Html.Element card = await().atMost(Duration.ofSeconds(60)).until(
                () -> card(page(viewer, "/gallery"), Sample.MUG),
                found -> found != null && "COMPLETED".equals(found.attr("data-state")));

        assertThat(card.text("product-name")).isEqualTo(Sample.MUG_NAME);
        assertThat(card.text("prompt")).isEqualTo(Sample.MUG_PROMPT);
        assertThat(card.text("model")).isEqualTo("gpt-image-1-mini");
        assertThat(card.text("cost")).contains("0.011");
        String thumb = Html.tags(card.inner(), "thumb").get(0).attr("src");
        assertThat(thumb).contains(".thumb.jpg?").contains("sp=r&").contains("sig=");
    }

    @Test
    void theGalleryNeverLinksAFullImageNorASasThatCanDoMoreThanRead() {
        ConsoleSession viewer = ConsoleSession.viewer();
        String html = await().atMost(Duration.ofSeconds(60)).until(
                () -> viewer.request().get("/gallery").then().extract().asString(),
                page -> page.contains("data-product-id=\"" + Sample.MARKUP + "\""));

        Matcher images = Pattern.compile("<img\\b[^>]*\\bsrc=\"([^\"]*)\"").matcher(html);
        int seen = 0;
        while (images.find()) {
            seen++;
            assertThat(images.group(1)).as("every image on the gallery page is a thumbnail").contains(".thumb.jpg");
        }
        assertThat(seen).isGreaterThanOrEqualTo(2);
        assertThat(permissions(html)).isNotEmpty().allMatch("r"::equals);
    }

    @Test
    void filtersNarrowTheGalleryByStateCategoryAndName() {
        ConsoleSession viewer = ConsoleSession.viewer();
        await().atMost(Duration.ofSeconds(60)).until(() -> cards(page(viewer, "/gallery?q=lamp")).size() == 1
                && card(page(viewer, "/gallery?q=ceramic"), Sample.MUG) != null
                && "COMPLETED".equals(card(page(viewer, "/gallery?q=ceramic"), Sample.MUG).attr("data-state")));

        assertThat(cards(page(viewer, "/gallery?state=COMPLETED&q=ceramic")))
                .extracting(card -> card.attr("data-product-id")).containsExactly(String.valueOf(Sample.MUG));
        assertThat(cards(page(viewer, "/gallery?state=AWAITING_REVIEW&q=ceramic"))).isEmpty();
        assertThat(cards(page(viewer, "/gallery?state=awaiting_review&q=desk"))).hasSize(1);
        assertThat(cards(page(viewer, "/gallery?category=Kitchen&q=ceramic"))).hasSize(1);
        assertThat(cards(page(viewer, "/gallery?category=Garden&q=ceramic"))).isEmpty();
        assertThat(cards(page(viewer, "/gallery?from=2000-01-01&to=2000-01-02&q=ceramic"))).isEmpty();
    }

    @Test
    void productTextWithMarkupIsShownAsTextEverywhere() {
        ConsoleSession viewer = ConsoleSession.viewer();
        String gallery = await().atMost(Duration.ofSeconds(60)).until(
                () -> viewer.request().get("/gallery?q=desk").then().extract().asString(),
                page -> page.contains("data-product-id=\"" + Sample.MARKUP + "\""));
        String product = viewer.request().get("/products/" + Sample.MARKUP).then().statusCode(200).extract().asString();

        for (String html : List.of(gallery, product)) {
            assertThat(html).doesNotContain("<script>alert").doesNotContain("<img src=x").doesNotContain("<b>Lamps")
                    .doesNotContain("<i>odd");
            Matcher scripts = Pattern.compile("<script\\b([^>]*)>(.*?)</script>", Pattern.DOTALL).matcher(html);
            while (scripts.find()) {
                assertThat(scripts.group(1)).as("only the console's own script files").contains("src=\"/static/");
                assertThat(scripts.group(2)).isBlank();
            }
        }
        assertThat(card(gallery, Sample.MARKUP).text("product-name")).isEqualTo(Sample.MARKUP_NAME);
        assertThat(Html.text(product, "product-name")).isEqualTo(Sample.MARKUP_NAME);
    }

    @Test
    void theProductPageShowsTheWholeTimelineWithRequestAndTraceIds() {
        ConsoleSession viewer = ConsoleSession.viewer();
        String doc = await().atMost(Duration.ofSeconds(60)).until(() -> page(viewer, "/products/" + Sample.MUG),
                page -> Html.elements(page, "tr", "timeline-entry").size() >= 4
                        && !Html.elements(page, "figure", "image").isEmpty());

        List<Html.Element> rows = Html.elements(doc, "tr", "timeline-entry");
        assertThat(rows).extracting(row -> row.text("state"))
                .containsSubsequence("REQUESTED", "GENERATED", "STORED", "COMPLETED");
        assertThat(rows).extracting(row -> row.text("request-id")).contains(Sample.MUG_REQUEST);
        assertThat(rows).extracting(row -> row.text("trace-id")).contains(Sample.MUG_TRACE);
        assertThat(rows).extracting(row -> row.text("stage")).contains("image-generator", "catalog-updater");
        assertThat(Html.text(doc, "prompt")).isEqualTo(Sample.MUG_PROMPT);
        assertThat(Html.text(doc, "product-name")).isEqualTo(Sample.MUG_NAME);
        String full = Html.tags(Html.elements(doc, "figure", "image").get(0).inner(), "full-image").get(0).attr("href");
        assertThat(full).contains(".png?").contains("sp=r&");
        assertThat(permissions(doc)).isNotEmpty().allMatch("r"::equals);
    }

    @Test
    void theOverviewCountsWhereProductsAre() {
        ConsoleSession viewer = ConsoleSession.viewer();
        String doc = await().atMost(Duration.ofSeconds(60)).until(() -> page(viewer, "/"),
                page -> number(page, "count-awaiting-review") >= 1 && number(page, "count-dead-lettered") >= 1
                        && number(page, "images-today") >= 1 && !Html.tags(page, "stage-updater").isEmpty());

        assertThat(Html.tags(doc, "progress")).singleElement().satisfies(p -> assertThat(p.openTag()).startsWith("<progress"));
        assertThat(Html.text(doc, "eta")).isNotBlank();
        assertThat(Html.text(doc, "review-mode")).isEqualTo("auto");
        assertThat(Html.text(doc, "cost-today")).isNotBlank();
        for (String stage : List.of("scanner", "generator", "uploader", "updater")) {
            // No stage runs in this test: each is shown, and as not ready.
            assertThat(Html.tags(doc, "stage-" + stage)).singleElement()
                    .satisfies(row -> assertThat(row.attr("data-up")).isEqualTo("false"));
        }
    }

    private static long number(String page, String testId) {
        String text = Html.text(page, testId);
        return text == null ? -1 : Long.parseLong(text.strip());
    }

    /** Every SAS permission on a page. */
    static List<String> permissions(String html) {
        Matcher m = SAS_PERMISSION.matcher(html.replace("&amp;", "&"));
        List<String> found = new java.util.ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
