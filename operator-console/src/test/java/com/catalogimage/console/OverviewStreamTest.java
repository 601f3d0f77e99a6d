package com.catalogimage.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.catalogimage.console.support.ConsoleSession;
import com.catalogimage.console.support.Sample;
import com.catalogimage.localstack.testing.AzuriteTestResource;
import com.catalogimage.localstack.testing.KafkaTestResource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The overview's live stream: server-sent {@code overview} events with the page's figures; and the readiness. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(AzuriteTestResource.class)
class OverviewStreamTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void theStreamSendsTheOverviewAsJsonEventsAgainAndAgain() throws Exception {
        Sample.ensure();
        String cookie = given().redirects().follow(false).formParam("j_username", "viewer")
                .formParam("j_password", ConsoleSession.VIEWER_PASSWORD).post("/j_security_check").then()
                .statusCode(302).extract().cookie("quarkus-credential");
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/overview/stream"))
                .header("Cookie", "quarkus-credential=" + cookie).header("Accept", "text/event-stream").build();
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.ofLines());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        assertThat(response.headers().firstValue("Content-Security-Policy")).isPresent();
        List<String> events = new ArrayList<>();
        List<String> data = new ArrayList<>();
        try (Stream<String> lines = response.body()) {
            Iterator<String> it = lines.iterator();
            CompletableFuture.runAsync(() -> {
                while (data.size() < 2 && it.hasNext()) {
                    String line = it.next();
                    if (line.startsWith("event:")) {
                        events.add(line.substring(6).strip());
                    } else if (line.startsWith("data:")) {
                        data.add(line.substring(5).strip());
                    }
                }
            }).get(30, TimeUnit.SECONDS);
        }

        assertThat(events).hasSizeGreaterThanOrEqualTo(2).allMatch("overview"::equals);
        JsonNode first = new ObjectMapper().readTree(data.get(0));
        assertThat(first.path("coverage").has("total")).isTrue();
        assertThat(first.path("coverage").has("awaitingReview")).isTrue();
        assertThat(first.path("percent").isInt()).isTrue();
        assertThat(first.path("eta").asText()).isNotBlank();
        assertThat(first.path("reviewMode").asText()).isEqualTo("auto");
        assertThat(first.has("stages")).isTrue();
        assertThat(first.has("costToday")).isTrue();
    }

    @Test
    void readinessWaitsForTheStatusTopicAndThenSaysSo() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'Product status' }.status", org.hamcrest.Matchers.equalTo("UP"));
    }

    @Test
    void theStreamNeedsALogin() {
        given().redirects().follow(false).when().get("/overview/stream").then().statusCode(302);
    }
}
