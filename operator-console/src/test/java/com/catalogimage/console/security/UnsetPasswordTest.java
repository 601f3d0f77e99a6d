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

/** A user whose password is not set cannot log in, with any password, the empty one included. */
@QuarkusTest
@TestProfile(UnsetPasswordTest.ViewerPasswordUnset.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(AzuriteTestResource.class)
class UnsetPasswordTest {

    public static class ViewerPasswordUnset implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // As application.properties has it with CONSOLE_VIEWER_PASSWORD unset.
            return Map.of("quarkus.security.users.embedded.users.viewer", "${console-generated.viewer-password}");
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
    void theOperatorWithAPasswordStillCan() {
        given().redirects().follow(false)
                .formParam("j_username", "operator").formParam("j_password", "test-operator-password")
                .when().post("/j_security_check").then()
                .statusCode(302)
                .header("Location", org.hamcrest.Matchers.not(containsString("error")));
    }
}
