package com.catalogimage.console.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import com.catalogimage.localstack.testing.AzuriteTestResource;
import com.catalogimage.localstack.testing.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A user whose password is not set cannot log in, with any password, the empty one included; and a console without the
 * scanner's key still starts and shows its pages (the scanner then answers 401 and the figures wait for a scan).
 */
@QuarkusTest
@TestProfile(UnsetPasswordTest.ViewerPasswordUnset.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(AzuriteTestResource.class)
class UnsetPasswordTest {

    public static class ViewerPasswordUnset implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // As application.properties has it with CONSOLE_VIEWER_PASSWORD unset.
            return Map.of("quarkus.security.users.embedded.users.viewer", "${console-generated.viewer-password}",
                    "console.scanner-api-key", "");
        }
    }

    @Test
    void theViewerWithoutAPasswordCannotLogIn() {
        for (String password : new String[] {"", "test-viewer-password", "viewer"}) {
            given().redirects().follow(false)
                    .formParam("j_username", "viewer").formParam("j_password", password)
                    .when().post("/j_security_check").then()
                    .statusCode(302)
                    .header("Location", containsString("/login?error"));
        }
    }

    @Test
    void theOperatorWithAPasswordStillCanAndSeesThePagesWithoutAScannerKey() {
        given().redirects().follow(false)
                .formParam("j_username", "operator").formParam("j_password", "test-operator-password")
                .when().post("/j_security_check").then()
                .statusCode(302)
                .header("Location", org.hamcrest.Matchers.not(containsString("error")));
        com.catalogimage.console.support.ConsoleSession operator = com.catalogimage.console.support.ConsoleSession.operator();
        operator.request().get("/").then().statusCode(200).body(containsString("data-testid=\"eta\""));
        operator.request().get("/products/1").then().statusCode(404);
    }
}
