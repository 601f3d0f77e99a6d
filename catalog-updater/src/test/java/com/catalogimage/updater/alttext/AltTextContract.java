package com.catalogimage.updater.alttext;

import static com.catalogimage.updater.support.Catalogs.dab;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.catalogimage.contracts.AltText;
import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.contracts.ProductStatus.ReasonCode;
import com.catalogimage.contracts.ProductStatus.State;
import com.catalogimage.contracts.StoredImage;
import com.catalogimage.localstack.dab.DabStats;
import com.catalogimage.updater.support.Catalogs;
import com.catalogimage.updater.support.UpdaterTopics;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * With {@code CATALOG_ALT_TEXT_COLUMN=ImageAltText}, against the DAB emulator whose catalog has deploy/sql's column
 * and procedure parameter: the alt text reaches the catalog in the same write as the URL, under the same condition,
 * cleaned again whatever the record carries. Each catalog mode's class runs these.
 */
abstract class AltTextContract {

    static final Duration WAIT = Duration.ofSeconds(20);
    static final String HOSTILE = "Image of <script>alert(1)</script> Brass Lamp, see https://evil.example/x?y=1 "
            + "<img src=x onerror=alert(2)> [click](javascript:alert(3)) www.evil.example";

    /** This mode's write body for a URL and an alt text (the column name is the configured one). */
    abstract String body(long id, String url, String altText);

    /** This mode's write body without alt text. */
    abstract String urlOnlyBody(long id, String url);

    @Test
    void altTextReachesTheCatalogInTheWriteOfTheUrl() {
        long id = Catalogs.newProduct();
        StoredImage stored = Catalogs.storedImage(id, "Brass desk lamp with a green glass shade");

        UpdaterTopics.sendStored(stored);

        ProductStatus status = awaitStatuses(id, 1).get(0);
        assertThat(status.state()).isEqualTo(State.COMPLETED);
        assertThat(status.verdict()).as("COMPLETED carries the verdict").isEqualTo(stored.verdict());
        assertThat(Catalogs.imageUrl(id)).isEqualTo(stored.url());
        assertThat(Catalogs.altText(dab(), id)).isEqualTo("Brass desk lamp with a green glass shade");
        assertThat(writesOf(stored)).extracting(DabStats.Write::body)
                .containsExactly(body(id, stored.url(), "Brass desk lamp with a green glass shade"));
        assertThat(dab().stats().imageWrites(id)).isEqualTo(1);
    }

    /** A prompt-injection row's model output, or a hostile producer's record: no markup and no URL reach the catalog. */
    @Test
    void aPromptInjectionCannotPutMarkupOrAUrlIntoTheCatalogsAltText() {
        long id = Catalogs.newProduct();
        StoredImage stored = Catalogs.storedImage(id, HOSTILE);

        UpdaterTopics.sendStored(stored);

        assertThat(awaitStatuses(id, 1).get(0).state()).isEqualTo(State.COMPLETED);
        String written = Catalogs.altText(dab(), id);
        assertThat(written).isEqualTo(AltText.clean(HOSTILE)).isNotBlank().hasSizeLessThanOrEqualTo(AltText.MAX)
                .doesNotContain("<", ">", "script", "http", "evil", "www.", "javascript", "(", "[")
                .doesNotStartWithIgnoringCase("image of");
        assertThat(writesOf(stored)).extracting(DabStats.Write::body).containsExactly(body(id, stored.url(), written));
    }

    @Test
    void aProductThatKeepsAnotherImageGetsNoAltTextFromUs() {
        long id = Catalogs.newProduct();
        String theirs = "https://cdn.example.com/editor-choice/" + id + ".jpg";
        Catalogs.setImageUrl(id, theirs);

        UpdaterTopics.sendStored(Catalogs.storedImage(id, "Our lamp"));

        ProductStatus status = awaitStatuses(id, 1).get(0);
        assertThat(status.reason()).isEqualTo(ReasonCode.ALREADY_HAS_IMAGE);
        assertThat(Catalogs.imageUrl(id)).isEqualTo(theirs);
        assertThat(Catalogs.altText(dab(), id)).isNull();
    }

    @Test
    void anImageWithoutAVerdictIsWrittenWithoutAltText() {
        long id = Catalogs.newProduct();
        StoredImage stored = Catalogs.storedImage(id);

        UpdaterTopics.sendStored(stored);

        ProductStatus status = awaitStatuses(id, 1).get(0);
        assertThat(status.state()).isEqualTo(State.COMPLETED);
        assertThat(status.verdict()).isNull();
        assertThat(writesOf(stored)).extracting(DabStats.Write::body).containsExactly(urlOnlyBody(id, stored.url()));
        assertThat(Catalogs.altText(dab(), id)).isNull();
    }

    static List<DabStats.Write> writesOf(StoredImage stored) {
        return dab().stats().writes().stream().filter(w -> w.body().contains(stored.url())).toList();
    }

    static List<ProductStatus> awaitStatuses(long id, int count) {
        return await().atMost(WAIT).pollInterval(Duration.ofMillis(200))
                .until(() -> UpdaterTopics.statuses(id), statuses -> statuses.size() >= count);
    }
}
