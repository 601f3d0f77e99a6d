package com.catalogimage.updater.alttext;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.contracts.ProductStatus.State;
import com.catalogimage.contracts.StoredImage;
import com.catalogimage.localstack.dab.DabEmulator;
import com.catalogimage.localstack.dab.DabStats;
import com.catalogimage.updater.support.Catalogs;
import com.catalogimage.updater.support.SeedCatalogDab;
import com.catalogimage.updater.support.UpdaterTopics;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * "Without the column nothing breaks": the updater is told to write {@code ImageAltText}, the catalog (the seed's,
 * {@link SeedCatalogDab}) has neither the column nor the procedure parameter, and DAB refuses the first write with its
 * 400. The product still gets its URL and completes; nothing is paused, retried or dead-lettered; later writes leave
 * the alt text out instead of being refused again.
 */
abstract class MissingColumnContract {

    static final Duration WAIT = Duration.ofSeconds(30);

    abstract String urlOnlyBody(long id, String url);

    @Test
    void imagesAreWrittenWithoutAltTextAndNothingIsDeadLetteredOrPaused() {
        DabEmulator dab = SeedCatalogDab.emulator();
        long first = dab.insertProduct("Seed Lamp", "A lamp.", 1, "test", new BigDecimal("9.99"), "");
        long second = dab.insertProduct("Seed Stool", "A stool.", 1, "test", new BigDecimal("9.99"), "");
        StoredImage one = Catalogs.storedImage(first, "Brass desk lamp");
        StoredImage two = Catalogs.storedImage(second, "Oak stool");

        UpdaterTopics.sendStored(one);
        assertThat(awaitOurs(one).state()).isEqualTo(State.COMPLETED);
        UpdaterTopics.sendStored(two);
        ProductStatus completed = awaitOurs(two);

        assertThat(completed.state()).isEqualTo(State.COMPLETED);
        assertThat(completed.verdict()).as("the status keeps the alt text the catalog could not").isEqualTo(two.verdict());
        assertThat(dab.stats().imageWrites(first)).isEqualTo(1);
        assertThat(dab.stats().imageWrites(second)).isEqualTo(1);
        assertThat(urlOf(dab, first)).isEqualTo(one.url());
        assertThat(writesOf(dab, one)).as("refused with the alt text, then written without it").hasSize(2)
                .last().extracting(DabStats.Write::body).isEqualTo(urlOnlyBody(first, one.url()));
        assertThat(writesOf(dab, two)).as("the column known missing: left out at once").extracting(DabStats.Write::body)
                .containsExactly(urlOnlyBody(second, two.url()));
        assertThat(dab.stats().responses(400)).isEqualTo(1);
        assertThat(deadLetters(one) + deadLetters(two)).isZero();
        given().get("/q/health/ready").then().statusCode(200);
    }

    private static String urlOf(DabEmulator dab, long id) {
        return given().get(dab.baseUri() + "/api/Products/Id/" + id + "?$select=Id,ImageUrl")
                .then().statusCode(200).extract().path("value[0].ImageUrl");
    }

    private static List<DabStats.Write> writesOf(DabEmulator dab, StoredImage stored) {
        return dab.stats().writes().stream().filter(w -> w.body().contains(stored.url())).toList();
    }

    /** This emulator's ids repeat the shared emulator's: our statuses are those of our request. */
    private static ProductStatus awaitOurs(StoredImage stored) {
        long id = stored.request().product().id();
        return await().atMost(WAIT).until(() -> UpdaterTopics.statuses(id).stream()
                .filter(s -> stored.request().requestId().equals(s.requestId())).toList(), l -> !l.isEmpty()).get(0);
    }

    private static long deadLetters(StoredImage stored) {
        return UpdaterTopics.deadLetters(stored.request().product().id()).stream()
                .filter(r -> r.value() != null && new String(r.value(), StandardCharsets.UTF_8)
                        .contains(stored.request().requestId())).count();
    }
}
