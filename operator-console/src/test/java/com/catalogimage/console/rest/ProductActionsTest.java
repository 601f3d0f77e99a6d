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
    void restyleAsksTheScannerForARestyleOnceForTheFormsKeyAndReturnsToTheProduct() {
        ConsoleSession operator = ConsoleSession.operator();
        for (int press = 0; press < 2; press++) {
            String location = operator.form().formParam("key", "3f2c9a4e-1b7d-4c1e-9a55-2d1f7c8e9b10")
                    .formParam("prompt", " the same mug, on a plain white table ").when().post("/products/54/restyle")
                    .then().statusCode(303).extract().header("Location");
            assertThat(URLDecoder.decode(location, StandardCharsets.UTF_8)).contains("/products/54", "Restyling product 54",
                    "stays in the catalog until a reviewer approves");
        }

        assertThat(scanner.calls("POST", "/products/54/generations")).hasSize(2).allSatisfy(call -> {
            assertThat(call.body()).isEqualTo(Map.of("mode", "restyle", "prompt", "the same mug, on a plain white table"));
            assertThat(call.idempotencyKey()).isEqualTo("restyle-3f2c9a4e-1b7d-4c1e-9a55-2d1f7c8e9b10");
        });
    }

    @Test
    void theProductPageOffersARestyleOnlyForAProductWithAnImageInTheCatalog() {
        scanner.catalogImage(55, "https://cdn.supplier.example/55.jpg?a=1&b=<2>");

        String page = ConsoleSession.operator().request().when().get("/products/55").then().extract().body().asString();
        String without = ConsoleSession.operator().request().when().get("/products/56").then().extract().body().asString();

        assertThat(page).contains("data-testid=\"restyle\"", "action=\"/products/55/restyle\"",
                "https://cdn.supplier.example/55.jpg?a=1&amp;b=&lt;2&gt;").doesNotContain("b=<2>");
        assertThat(without).doesNotContain("data-testid=\"restyle\"");
    }

    @Test
    void aViewerMayNotRestyle() {
        ConsoleSession.viewer().form().when().post("/products/57/restyle").then().statusCode(403);
        assertThat(scanner.calls("POST", "/products/57/generations")).isEmpty();
    }

    @Test
    void aViewerMayNotRequestAgain() {
        ConsoleSession.viewer().form().when().post("/products/53/request-again").then().statusCode(403);
        assertThat(scanner.calls("POST", "/products/53/request-again")).isEmpty();
    }
}
