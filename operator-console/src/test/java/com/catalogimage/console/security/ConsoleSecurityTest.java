package com.catalogimage.console.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;

import com.catalogimage.console.support.ConsoleSession;
import com.catalogimage.localstack.testing.AzuriteTestResource;
import com.catalogimage.localstack.testing.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Nothing is anonymous, changes need the operator and the CSRF token, and every answer carries the headers. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(AzuriteTestResource.class)
class ConsoleSecurityTest {

    @Test
    void everyPageSendsAnAnonymousVisitorToTheLoginPage() {
        for (String path : List.of("/", "/gallery", "/products/1", "/overview/stream")) {
            given().redirects().follow(false).when().get(path).then()
                    .statusCode(302)
                    .header("Location", endsWith("/login"));
        }
        given().when().get("/login").then().statusCode(200).body(containsString("j_security_check"));
    }

    @Test
    void anAnonymousChangeIsNotCarriedOut() {
        given().redirects().follow(false).when().post("/gallery/refresh").then().statusCode(302)
                .header("Location", endsWith("/login"));
    }

    @Test
    void aWrongPasswordGoesBackToTheLoginPageWithAnError() {
        given().redirects().follow(false).formParam("j_username", "operator").formParam("j_password", "guess")
                .when().post("/j_security_check").then().statusCode(302)
                .header("Location", containsString("/login?error"));
    }

    @Test
    void aViewerSeesThePages() {
        ConsoleSession viewer = ConsoleSession.viewer();
        for (String path : List.of("/", "/gallery")) {
            viewer.request().get(path).then().statusCode(200).body(containsString("data-testid=\"logout\""));
        }
    }

    @Test
    void aViewerCannotChangeAnythingEvenWithTheToken() {
        ConsoleSession viewer = ConsoleSession.viewer();
        String token = viewer.csrfToken();

        viewer.request().formParam("csrf-token", token).post("/gallery/refresh").then().statusCode(403);
    }

    @Test
    void aChangeWithoutTheCsrfTokenIsRefused() {
        ConsoleSession operator = ConsoleSession.operator();
        operator.csrfToken(); // the browser holds the cookie; the request below does not carry the token

        operator.request().post("/gallery/refresh").then().statusCode(403);
        operator.request().formParam("csrf-token", "not-the-token").post("/gallery/refresh").then().statusCode(403);
        operator.request().header("X-CSRF-Token", "not-the-token").post("/gallery/refresh").then().statusCode(403);
    }

    @Test
    void aChangeWithTheTokenIsCarriedOut() {
        ConsoleSession operator = ConsoleSession.operator();
        String token = operator.csrfToken();

        operator.request().formParam("csrf-token", token).post("/gallery/refresh").then().statusCode(303)
                .header("Location", containsString("/gallery?done="));
        operator.request().header("X-CSRF-Token", token).post("/gallery/refresh").then().statusCode(303);
    }

    @Test
    void anActionStillGetsItsFormFieldsAfterTheCheck() {
        ConsoleSession operator = ConsoleSession.operator();
        String token = operator.csrfToken();

        operator.request().formParam("csrf-token", token).formParam("note", "blurry <b>label</b>")
                .formParam("ids", "0-12").formParam("ids", "3-4").post("/test-only/echo").then().statusCode(200)
                .body(org.hamcrest.Matchers.equalTo("blurry <b>label</b>|0-12,3-4"));
        operator.request().formParam("note", "no token").post("/test-only/echo").then().statusCode(403);
    }

    @Test
    void theTokenOfAnotherBrowserDoesNotCount() {
        String someoneElses = ConsoleSession.viewer().csrfToken();
        ConsoleSession operator = ConsoleSession.operator();
        operator.csrfToken();

        operator.request().formParam("csrf-token", someoneElses).post("/gallery/refresh").then().statusCode(403);
    }

    @Test
    void theCsrfCookieIsHttpOnlyAndStrict() {
        Response page = ConsoleSession.viewer().request().get("/gallery");
        List<String> cookies = page.getHeaders().getValues("Set-Cookie");
        assertThat(cookies).anySatisfy(c -> assertThat(c).startsWith(CsrfTokens.NAME + "=").containsIgnoringCase("HttpOnly")
                .containsIgnoringCase("SameSite=Strict").contains("Path=/"));
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        ConsoleSession viewer = ConsoleSession.viewer();
        List<Response> answers = List.of(viewer.request().get("/"), viewer.request().get("/gallery"),
                given().get("/login"), given().get("/static/overview.js"), given().redirects().follow(false).get("/"),
                given().get("/q/health/live"));
        for (Response answer : answers) {
            String policy = answer.getHeader("Content-Security-Policy");
            assertThat(policy).contains("default-src 'self'").contains("frame-ancestors 'none'")
                    .contains("img-src 'self' http://127.0.0.1:").contains("object-src 'none'")
                    .contains("base-uri 'none'").contains("form-action 'self'").doesNotContain("unsafe-inline");
            assertThat(answer.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(answer.getHeader("Referrer-Policy")).isEqualTo("no-referrer");
        }
    }

    @Test
    void logoutEndsTheSession() {
        ConsoleSession operator = ConsoleSession.operator();
        String token = operator.csrfToken();

        operator.request().formParam("csrf-token", token).post("/logout").then().statusCode(303)
                .header("Location", endsWith("/login"));
        operator.request().get("/").then().statusCode(302).header("Location", endsWith("/login"));
    }

    @Test
    void logoutWithoutTheTokenIsRefused() {
        ConsoleSession operator = ConsoleSession.operator();
        operator.csrfToken();

        operator.request().post("/logout").then().statusCode(403);
        operator.request().get("/").then().statusCode(200);
    }
}
