package com.catalogimage.console.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.catalogimage.console.support.ConsoleSession;
import com.catalogimage.console.support.ScannerEmulator;
import com.catalogimage.console.support.ScannerEmulatorTestResource;
import com.catalogimage.localstack.testing.AzuriteTestResource;
import com.catalogimage.localstack.testing.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The product page's "request again", through the scanner's API (emulated). */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(AzuriteTestResource.class)
@WithTestResource(ScannerEmulatorTestResource.class)
class ProductActionsTest {

    ScannerEmulator scanner = ScannerEmulatorTestResource.emulator();

    @BeforeEach
    void reset() {
        scanner.reset();
    }

    @Test
    void requestAgainSendsThePromptToTheScannerAndReturnsToTheProduct() {
        String location = ConsoleSession.operator().form().formParam("prompt", "  A cork board on an oak desk\u0000 ")
                .when().post("/products/51/request-again").then().statusCode(303).extract().header("Location");

        assertThat(URLDecoder.decode(location, StandardCharsets.UTF_8)).contains("/products/51", "Requested product 51 again");
        assertThat(scanner.calls("POST", "/products/51/request-again")).singleElement()
                .satisfies(call -> assertThat(call.body()).isEqualTo(Map.of("prompt", "A cork board on an oak desk")));
    }

    @Test
    void theScannersRefusalIsShownAsItsReason() {
        scanner.answerRequestAgain(52, 409);

        String location = ConsoleSession.operator().form().when().post("/products/52/request-again").then()
                .statusCode(303).extract().header("Location");

        assertThat(URLDecoder.decode(location, StandardCharsets.UTF_8))
                .contains("Not requested again: product 52 is COMPLETED");
        assertThat(scanner.calls("POST", "/products/52/request-again")).singleElement()
                .satisfies(call -> assertThat(call.body()).isEmpty());
    }

    @Test
    void aViewerMayNotRequestAgain() {
        ConsoleSession.viewer().form().when().post("/products/53/request-again").then().statusCode(403);
        assertThat(scanner.calls("POST", "/products/53/request-again")).isEmpty();
    }
}
