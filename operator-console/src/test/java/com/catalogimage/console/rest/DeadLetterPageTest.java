package com.catalogimage.console.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import com.catalogimage.console.support.ConsoleSession;
import com.catalogimage.console.support.ScannerEmulator;
import com.catalogimage.console.support.ScannerEmulatorTestResource;
import com.catalogimage.localstack.testing.AzuriteTestResource;
import com.catalogimage.localstack.testing.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The dead-letter page: the scanner's listing and its one replay logic, through the scanner's API (emulated). */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(AzuriteTestResource.class)
@WithTestResource(ScannerEmulatorTestResource.class)
class DeadLetterPageTest {

    ScannerEmulator scanner = ScannerEmulatorTestResource.emulator();

    @BeforeEach
    void deadLetters() {
        scanner.reset();
        scanner.addDeadLetter("3-17", 42, "CONTENT_POLICY", "image-generator", "Blue <i>Denim</i> Jeans");
        scanner.addDeadLetter("0-5", 43, "RETRIES_EXHAUSTED", "blob-uploader", "Wool Socks");
    }

    @Test
    void theListingShowsEachDeadLetterWithItsReplayFormAndPassesTheFiltersOn() {
        ConsoleSession.operator().request()
                .queryParam("reason", "CONTENT_POLICY").queryParam("stage", "image-generator")
                .queryParam("since", "2026-12-01T10:15").queryParam("until", "2026-12-02T00:00:00Z")
                .when().get("/dead-letters").then()
                .statusCode(200)
                .body(containsString("data-testid=\"dead-letter\" data-id=\"3-17\" data-product-id=\"42\""))
                .body(containsString("data-id=\"0-5\""))
                .body(containsString("Blue &lt;i&gt;Denim&lt;/i&gt; Jeans"))
                .body(containsString("data-testid=\"replay\""))
                .body(containsString("data-testid=\"replay-selected\""))
                // no way to replay a policy violation unchanged
                .body(not(containsString("name=\"force\"")));

        assertThat(scanner.calls("GET", "/dead-letters")).singleElement().satisfies(call -> assertThat(call.query())
                .containsEntry("reason", "CONTENT_POLICY").containsEntry("stage", "image-generator")
                .containsEntry("since", "2026-12-01T10:15:00Z").containsEntry("until", "2026-12-02T00:00:00Z"));
    }

    @Test
    void aTimeThatCannotBeReadIsShownNotSent() {
        ConsoleSession.operator().request().queryParam("since", "yesterday").when().get("/dead-letters").then()
                .statusCode(200)
                .body(containsString("since must be a date and time"));
        assertThat(scanner.calls("GET", "/dead-letters")).isEmpty();
    }

    @Test
    void replayingOneRowSendsItsIdAndItsEditedPromptAndShowsTheReport() {
        String location = ConsoleSession.operator().form().formParam("ids", "3-17").formParam("productId", 42)
                .formParam("prompt", "Blue jeans folded on a white table, no text")
                .when().post("/dead-letters/replay").then().statusCode(303).extract().header("Location");

        assertThat(URLDecoder.decode(location, StandardCharsets.UTF_8)).contains("/dead-letters", "Replayed 1");
        assertThat(scanner.calls("POST", "/dead-letters/replay")).singleElement().satisfies(call -> {
            assertThat(call.body()).containsEntry("ids", List.of("3-17"));
            assertThat(call.body()).containsEntry("promptOverrides",
                    Map.of("42", "Blue jeans folded on a white table, no text"));
            assertThat(call.body()).containsEntry("force", false);
        });
    }

    @Test
    void aReplayFromTheProductPageFindsTheProductOfItsPromptAndReturnsThere() {
        String location = ConsoleSession.operator().form().formParam("ids", "3-17").formParam("from", "/products/42")
                .formParam("prompt", "Blue jeans on a plain background")
                .when().post("/dead-letters/replay").then().statusCode(303).extract().header("Location");

        assertThat(URLDecoder.decode(location, StandardCharsets.UTF_8)).contains("/products/42", "Replayed 1");
        assertThat(scanner.calls("POST", "/dead-letters/replay")).singleElement().satisfies(call -> assertThat(call.body())
                .containsEntry("promptOverrides", Map.of("42", "Blue jeans on a plain background")));
    }

    @Test
    void replayingTheSelectedSendsEveryIdWithTheTemplate() {
        String location = ConsoleSession.operator().form().formParam("ids", "3-17").formParam("ids", "0-5")
                .formParam("ids", "9-99").formParam("template", "A studio photo of {name} on white.")
                .when().post("/dead-letters/replay").then().statusCode(303).extract().header("Location");

        assertThat(URLDecoder.decode(location, StandardCharsets.UTF_8))
                .contains("Replayed 2", "refused 1", "9-99: no such dead letter");
        assertThat(scanner.calls("POST", "/dead-letters/replay")).singleElement().satisfies(call -> {
            assertThat(call.body()).containsEntry("ids", List.of("3-17", "0-5", "9-99"));
            assertThat(call.body()).containsEntry("templateOverride", "A studio photo of {name} on white.");
            assertThat(call.body()).containsEntry("promptOverrides", Map.of());
        });
    }

    @Test
    void aViewerSeesTheListingButMayNotReplay() {
        ConsoleSession viewer = ConsoleSession.viewer();
        viewer.request().when().get("/dead-letters").then()
                .statusCode(200)
                .body(containsString("data-id=\"3-17\""))
                .body(not(containsString("data-testid=\"replay\"")));
        viewer.form().formParam("ids", "3-17").when().post("/dead-letters/replay").then().statusCode(403);
        assertThat(scanner.calls("POST", "/dead-letters/replay")).isEmpty();
    }

    @Test
    void aReplayWithoutTheCsrfTokenIsRefused() {
        ConsoleSession.operator().request().contentType("application/x-www-form-urlencoded").formParam("ids", "3-17")
                .when().post("/dead-letters/replay").then().statusCode(403);
        assertThat(scanner.calls("POST", "/dead-letters/replay")).isEmpty();
    }
}
