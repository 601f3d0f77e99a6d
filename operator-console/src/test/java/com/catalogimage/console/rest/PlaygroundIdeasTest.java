package com.catalogimage.console.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.catalogimage.console.support.ConsoleSession;
import com.catalogimage.console.support.Html;
import com.catalogimage.console.support.ScannerEmulator;
import com.catalogimage.console.support.ScannerEmulatorTestResource;
import com.catalogimage.localstack.imageapi.ImageApiEmulator;
import com.catalogimage.localstack.testing.AzuriteTestResource;
import com.catalogimage.localstack.testing.ImageApiTestResource;
import com.catalogimage.localstack.testing.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The playground's "Suggest templates": the chat model (the local stack's chat emulator, {@code prompt_ideas}). */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(AzuriteTestResource.class)
@WithTestResource(ScannerEmulatorTestResource.class)
@WithTestResource(ImageApiTestResource.class)
class PlaygroundIdeasTest {

    ScannerEmulator scanner = ScannerEmulatorTestResource.emulator();
    ImageApiEmulator models = ImageApiTestResource.emulator();

    @BeforeEach
    void reset() {
        scanner.reset();
        models.faults().clear();
    }

    @Test
    void theChatModelsIdeasForACategoryAreListedEachEditableWithTheProductsName() {
        String page = ConsoleSession.operator().form().formParam("category", "Kitchen")
                .when().post("/playground/ideas").then().statusCode(200).extract().asString();

        List<Html.Element> ideas = Html.elements(page, "li", "idea");
        assertThat(ideas).hasSize(PlaygroundPage.IDEAS);
        assertThat(ideas).allSatisfy(idea -> {
            assertThat(idea.text("idea-name")).isNotBlank();
            assertThat(idea.text("idea-style")).isNotBlank();
            assertThat(idea.text("template-input")).contains("{name}");
        });
        assertThat(page).doesNotContain("data-testid=\"ideas-message\"");
    }

    @Test
    void aProductShapesTheIdeasAndNamesTheCategory() {
        String page = ConsoleSession.operator().form().formParam("productId", "71")
                .when().post("/playground/ideas").then().statusCode(200).extract().asString();

        assertThat(scanner.calls("GET", "/products/71")).hasSize(1);
        assertThat(Html.elements(page, "li", "idea")).isNotEmpty();
        assertThat(page).contains("<h2>Kitchen</h2>");
    }

    @Test
    void aChatFailureSaysSoAndListsNothing() {
        models.faults().forDeployment("gpt-5-mini").failNext(500, 10);

        String page = ConsoleSession.operator().form().formParam("category", "Kitchen")
                .when().post("/playground/ideas").then().statusCode(200).extract().asString();

        assertThat(Html.text(page, "ideas-message")).contains("No suggestions");
        assertThat(Html.elements(page, "li", "idea")).isEmpty();
    }
}
