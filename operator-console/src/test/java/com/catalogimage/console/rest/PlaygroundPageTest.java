package com.catalogimage.console.rest;

import static com.catalogimage.localstack.testing.KafkaTestResource.topics;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.catalogimage.console.support.ConsoleSession;
import com.catalogimage.console.support.Html;
import com.catalogimage.console.support.ScannerEmulatorTestResource;
import com.catalogimage.console.support.Seed;
import com.catalogimage.contracts.CategoryTemplate;
import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.contracts.Topics;
import com.catalogimage.contracts.serde.CategoryTemplateDeserializer;
import com.catalogimage.localstack.testing.AzuriteTestResource;
import com.catalogimage.localstack.testing.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The playground's templates: published to and reverted on {@code category-templates}, listed from that topic. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(AzuriteTestResource.class)
@WithTestResource(ScannerEmulatorTestResource.class)
class PlaygroundPageTest {

    @Test
    void aTemplateIsPublishedForTheCategoryListedAndRevertedToTheDefault() {
        String category = "Garden " + UUID.randomUUID().toString().substring(0, 8);
        ConsoleSession operator = ConsoleSession.operator();

        String location = operator.form().formParam("category", category)
                .formParam("template", "  A catalog photo of {name} on a potting bench\u0000, soft daylight  ")
                .when().post("/playground/template").then().statusCode(303).extract().header("Location");
        assertThat(URLDecoder.decode(location, StandardCharsets.UTF_8)).contains("/playground", "Published");

        List<CategoryTemplate> records = topics().values(Topics.CATEGORY_TEMPLATES, CategoryTemplate.key(category),
                new CategoryTemplateDeserializer());
        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.category()).isEqualTo(category);
            assertThat(record.template()).isEqualTo("A catalog photo of {name} on a potting bench, soft daylight");
            assertThat(record.author()).isEqualTo("operator");
            assertThat(record.at()).isNotNull();
        });
        assertThat(listed(operator, category)).contains("A catalog photo of {name} on a potting bench, soft daylight");

        operator.form().formParam("category", category).when().post("/playground/revert").then().statusCode(303);
        List<CategoryTemplate> after = topics().await(Topics.CATEGORY_TEMPLATES, CategoryTemplate.key(category),
                new CategoryTemplateDeserializer(), 2, Duration.ofSeconds(30)).stream().map(r -> r.value()).toList();
        assertThat(after.get(1).template()).as("the revert: a null template").isNull();
        assertThat(after.get(1).author()).isEqualTo("operator");
        assertThat(listed(operator, category)).isNull();
    }

    @Test
    void aTemplateFromAnotherConsoleIsListedFromTheTopic() {
        String category = "Lighting " + UUID.randomUUID().toString().substring(0, 8);
        topics().send(Topics.CATEGORY_TEMPLATES, CategoryTemplate.key(category),
                new CategoryTemplate(category, "A <b>lamp</b> photo of {name}", "someone", Instant.now()));
        ConsoleSession viewer = ConsoleSession.viewer();
        await().atMost(Duration.ofSeconds(30)).until(() -> listed(viewer, category) != null);
        String page = viewer.request().get("/playground").then().statusCode(200).extract().asString();
        assertThat(page).contains("A &lt;b&gt;lamp&lt;/b&gt; photo of {name}").doesNotContain("<b>lamp</b>");
        assertThat(page).doesNotContain("data-testid=\"revert\"");
    }

    @Test
    void aTemplateWithoutTheProductsNameIsNotPublished() {
        String category = "Bath " + UUID.randomUUID().toString().substring(0, 8);
        String location = ConsoleSession.operator().form().formParam("category", category)
                .formParam("template", "A nice photo").when().post("/playground/template").then().statusCode(303)
                .extract().header("Location");
        assertThat(URLDecoder.decode(location, StandardCharsets.UTF_8)).contains("Nothing published");
        assertThat(topics().values(Topics.CATEGORY_TEMPLATES, CategoryTemplate.key(category),
                new CategoryTemplateDeserializer())).isEmpty();
    }

    @Test
    void aViewerLooksButMayNotPublishOrAskForIdeas() {
        ConsoleSession viewer = ConsoleSession.viewer();
        String page = viewer.request().get("/playground").then().statusCode(200).extract().asString();
        assertThat(page).contains("data-testid=\"nav-playground\"").doesNotContain("data-testid=\"suggest\"");
        viewer.form().formParam("category", "Kitchen").formParam("template", "A {name}")
                .when().post("/playground/template").then().statusCode(403);
        viewer.form().formParam("category", "Kitchen").when().post("/playground/ideas").then().statusCode(403);
        viewer.form().formParam("category", "Kitchen").when().post("/playground/revert").then().statusCode(403);
    }

    @Test
    void aCategoryOffersItsProductsWithAnImageForPreviews() {
        String category = "Tableware " + UUID.randomUUID().toString().substring(0, 8);
        Seed.image(Seed.PUBLIC, 7101, "Stoneware Bowl", category, "a bowl", "r-7101", Instant.now());
        // A STORED status makes the console list the containers again soon (the uploader's writes do the same).
        Seed.status(7101, "r-7101", ProductStatus.State.STORED, null, null, "blob-uploader", null, null);
        ConsoleSession operator = ConsoleSession.operator();
        await().atMost(Duration.ofSeconds(90)).until(() -> operator.request().get("/playground?category=" + category)
                .then().extract().asString().contains("value=\"7101\""));
        String page = operator.request().get("/playground?category=" + category).then().statusCode(200).extract()
                .asString();
        assertThat(Html.elements(page, "fieldset", "preview-products")).singleElement()
                .satisfies(set -> assertThat(set.inner()).contains("Stoneware Bowl (7101)"));
        assertThat(page).contains("data-testid=\"suggest\"", "data-testid=\"preview\"");
    }

    /** The template listed for the category on the playground, or null. */
    private static String listed(ConsoleSession session, String category) {
        String page = session.request().get("/playground").then().statusCode(200).extract().asString();
        return Html.elements(page, "tr", "template-row").stream()
                .filter(row -> category.equals(row.attr("data-category")))
                .map(row -> row.text("template-text")).findFirst().orElse(null);
    }
}
