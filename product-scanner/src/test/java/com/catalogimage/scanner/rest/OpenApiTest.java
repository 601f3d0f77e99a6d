package com.catalogimage.scanner.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.catalogimage.localstack.testing.DabEmulatorTestResource;
import com.catalogimage.localstack.testing.KafkaTestResource;
import com.catalogimage.scanner.security.ApiKeyAuthenticationMechanism;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(DabEmulatorTestResource.class)
class OpenApiTest {

    private static final List<Map<String, List<Object>>> EITHER_CREDENTIAL =
            List.of(Map.of(OperatorApi.API_KEY, List.of()), Map.of(OperatorApi.BEARER, List.of()));

    @Test
    void theDocumentListsEveryOperationWithItsSummaryAndProblemBodies() {
        ValidatableResponse doc = openApi();
        for (String operation : List.of("'/scans'.post", "'/scans/latest'.get", "'/estimate'.get", "'/dead-letters'.get",
                "'/dead-letters/replay'.post")) {
            doc.body("paths." + operation + ".summary", notNullValue())
                    .body("paths." + operation + ".description", notNullValue());
        }
        doc.body("paths.'/dead-letters'.get.parameters.name",
                        hasItems("reason", "stage", "productId", "since", "until", "limit"))
                .body("paths.'/dead-letters/replay'.post.requestBody.required", equalTo(true))
                .body("paths.'/scans'.post.responses.keySet()", hasItems("200", "401", "403", "503"))
                .body("paths.'/scans'.post.responses.'503'.content.'application/json'.schema.'$ref'", endsWith("/Problem"))
                .body("paths.'/scans/latest'.get.responses.'404'.content.'application/json'.schema.'$ref'", endsWith("/Problem"))
                .body("paths.'/dead-letters'.get.responses.keySet()", hasItems("200", "400", "401", "403", "503"))
                .body("paths.'/dead-letters/replay'.post.responses.'400'.content.'application/json'.schema.'$ref'",
                        endsWith("/Problem"))
                .body("components.schemas.Problem.properties.message.type", equalTo("string"));
    }

    @Test
    void requestAgainDocumentsItsOptionalPromptBodyAndItsAnswers() {
        openApi()
                .body("paths.'/products/{id}/request-again'.post.summary", notNullValue())
                .body("paths.'/products/{id}/request-again'.post.requestBody.required", equalTo(false))
                .body("paths.'/products/{id}/request-again'.post.requestBody.content.'application/json'.schema.'$ref'",
                        endsWith("/RequestAgainBody"))
                .body("components.schemas.RequestAgainBody.properties.keySet()", containsInAnyOrder("prompt", "template", "mode"))
                .body("paths.'/products/{id}/request-again'.post.responses.keySet()",
                        hasItems("200", "400", "401", "403", "404", "409", "503"))
                .body("paths.'/products/{id}/request-again'.post.security", equalTo(EITHER_CREDENTIAL));
    }

    @Test
    void bothSecuritySchemesAreDeclaredAndEitherProtectsTheOperatorsOperations() {
        openApi()
                .body("components.securitySchemes.apiKey.type", equalTo("apiKey"))
                .body("components.securitySchemes.apiKey.in", equalTo("header"))
                .body("components.securitySchemes.apiKey.name", equalTo(ApiKeyAuthenticationMechanism.HEADER))
                .body("components.securitySchemes.bearer.type", equalTo("http"))
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
                .body("components.securitySchemes.bearer.bearerFormat", equalTo("JWT"))
                .body("components.securitySchemes.keySet()", containsInAnyOrder(OperatorApi.API_KEY, OperatorApi.BEARER))
                .body("paths.'/scans'.post.security", equalTo(EITHER_CREDENTIAL))
                .body("paths.'/dead-letters'.get.security", equalTo(EITHER_CREDENTIAL))
                .body("paths.'/dead-letters/replay'.post.security", equalTo(EITHER_CREDENTIAL))
                .body("paths.'/estimate'.get.security", equalTo(EITHER_CREDENTIAL))
                // the open operation only reads the latest scan's counts
                .body("paths.'/scans/latest'.get.security", nullValue());
    }

    @Test
    void swaggerUiAnswers() {
        given().get("/q/swagger-ui/").then()
                .statusCode(200)
                .contentType(containsString("text/html"));
    }

    private static ValidatableResponse openApi() {
        return given().get("/q/openapi?format=json").then().statusCode(200);
    }
}
