package com.catalogimage.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import com.catalogimage.localstack.testing.AzuriteTestResource;
import com.catalogimage.localstack.testing.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.filter.cookie.CookieFilter;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(AzuriteTestResource.class)
class ConsoleStartsTest {

    @Test
    void anAnonymousVisitorIsSentToTheLoginPage() {
        given().redirects().follow(false).when().get("/").then()
                .statusCode(302)
                .header("Location", containsString("/login"));
    }

    @Test
    void theOperatorLogsInAndSeesTheOverview() {
        CookieFilter cookies = new CookieFilter();
        given().filter(cookies).redirects().follow(false)
                .formParam("j_username", "operator").formParam("j_password", "test-operator-password")
                .when().post("/j_security_check").then().statusCode(302);
        given().filter(cookies).when().get("/").then()
                .statusCode(200)
                .body(containsString("data-testid=\"nav-overview\""));
    }
}
