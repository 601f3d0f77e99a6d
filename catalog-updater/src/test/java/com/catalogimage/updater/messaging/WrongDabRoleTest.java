package com.catalogimage.updater.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.contracts.ProductStatus.State;
import com.catalogimage.contracts.StoredImage;
import com.catalogimage.localstack.testing.KafkaTestResource;
import com.catalogimage.localstack.testing.RetryTopicsTestResource;
import com.catalogimage.updater.support.Catalogs;
import com.catalogimage.updater.support.RoleCheckingDab;
import com.catalogimage.updater.support.UpdaterTopics;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A role DAB does not grant: consuming pauses, readiness says why, nothing is dead-lettered, and it resumes once fixed. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(RetryTopicsTestResource.class)
@WithTestResource(RoleCheckingDab.class)
class WrongDabRoleTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void aRoleDabRefusesPausesConsumingUntilTheRoleIsGrantedThenWritesOnce() {
        long id = RoleCheckingDab.emulator().insertProduct("Role Lamp", "A lamp.", 1, "test", new BigDecimal("9.99"), "");
        StoredImage stored = Catalogs.storedImage(id);
        String requestId = stored.request().requestId();

        UpdaterTopics.sendStored(stored);

        await().atMost(WAIT).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'Data API Builder' }.data.paused", is("CONFIGURATION"))
                .body("checks.find { it.name == 'Data API Builder' }.data.error", is("Data API Builder answered 403 Forbidden")));
        assertThat(given().get("/q/health/ready").then().extract().jsonPath().getMap("checks.find { it.name == 'Data API Builder' }").toString()).as("no URL, host or DAB error text in readiness")
                .doesNotContainPattern("(?i)https?://|127\\.0\\.0\\.1|localhost|Exception|<\\?xml|sig=").doesNotContain("AuthorizationCheckFailed");
        assertThat(ours(id, requestId)).as("held, not failed").isEmpty();
        assertThat(deadLettersOf(id, requestId)).isEmpty();
        assertThat(RoleCheckingDab.emulator().stats().imageWrites(id)).isZero();

        RoleCheckingDab.grantRole();

        ProductStatus status = await().atMost(WAIT).until(() -> ours(id, requestId), l -> !l.isEmpty()).get(0);
        assertThat(status.state()).isEqualTo(State.COMPLETED);
        assertThat(RoleCheckingDab.emulator().stats().imageWrites(id)).isEqualTo(1);
        await().atMost(WAIT).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
        assertThat(deadLettersOf(id, requestId)).isEmpty();
    }

    /** This database's ids may repeat ids of the shared emulator's products: our statuses are those of our request. */
    private static List<ProductStatus> ours(long id, String requestId) {
        return UpdaterTopics.statuses(id).stream().filter(status -> requestId.equals(status.requestId())).toList();
    }

    private static List<String> deadLettersOf(long id, String requestId) {
        return UpdaterTopics.deadLetters(id).stream()
                .map(record -> record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8))
                .filter(value -> value.contains(requestId)).toList();
    }
}
