package com.catalogimage.updater.messaging;

import static com.catalogimage.updater.support.Catalogs.dab;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.contracts.ProductStatus.ReasonCode;
import com.catalogimage.contracts.ProductStatus.State;
import com.catalogimage.contracts.StoredImage;
import com.catalogimage.localstack.dab.DabFaults.Fault;
import com.catalogimage.localstack.dab.DabStats;
import com.catalogimage.updater.client.Catalog;
import com.catalogimage.updater.client.CatalogWrite;
import com.catalogimage.updater.support.Catalogs;
import com.catalogimage.updater.support.UpdaterTopics;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the updater promises in either catalog mode; each mode's test class runs these against the DAB emulator. */
abstract class WriteBackContract {

    static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    Catalog catalog;

    /** {@code /api} or {@code /rest}. */
    abstract String restPath();

    /** The HTTP method of this mode's write. */
    abstract String writeMethod();

    @AfterEach
    void clearFaults() {
        dab().faults().clear();
    }

    @Test
    void writesTheFullUrlAndCompletes() {
        long id = Catalogs.newProduct();
        StoredImage stored = Catalogs.storedImage(id);

        UpdaterTopics.sendStored(stored);

        ProductStatus status = awaitStatuses(id, 1).get(0);
        assertThat(status.state()).isEqualTo(State.COMPLETED);
        assertThat(status.detail()).isEqualTo(stored.url());
        assertThat(status.stage()).isEqualTo("catalog-updater");
        assertThat(status.requestId()).isEqualTo(stored.request().requestId());
        assertThat(Catalogs.imageUrl(id)).isEqualTo(stored.url());
        assertThat(dab().stats().imageWrites(id)).isEqualTo(1);
    }

    @Test
    void aRedeliveredImageCompletesWithoutWritingAgain() {
        long id = Catalogs.newProduct();
        StoredImage stored = Catalogs.storedImage(id);

        UpdaterTopics.sendStored(stored);
        UpdaterTopics.sendStored(stored);

        assertThat(awaitStatuses(id, 2)).extracting(ProductStatus::state).containsExactly(State.COMPLETED, State.COMPLETED);
        assertThat(Catalogs.imageUrl(id)).isEqualTo(stored.url());
        assertThat(dab().stats().imageWrites(id)).isEqualTo(1);
    }

    @Test
    void neverOverwritesAnImageSetMeanwhile() {
        long id = Catalogs.newProduct();
        String theirs = "https://cdn.example.com/editor-choice/" + id + ".jpg";
        Catalogs.setImageUrl(id, theirs);

        UpdaterTopics.sendStored(Catalogs.storedImage(id));

        ProductStatus status = awaitStatuses(id, 1).get(0);
        assertThat(status.state()).isEqualTo(State.SKIPPED);
        assertThat(status.reason()).isEqualTo(ReasonCode.ALREADY_HAS_IMAGE);
        assertThat(Catalogs.imageUrl(id)).isEqualTo(theirs);
        assertThat(dab().stats().imageWrites(id)).as("only the editor's write").isEqualTo(1);
    }

    @Test
    void aDeletedProductIsSkippedAsGoneAndItsBlobKept() {
        long id = Catalogs.newProduct();
        Catalogs.delete(id);
        StoredImage stored = Catalogs.storedImage(id);

        UpdaterTopics.sendStored(stored);

        ProductStatus status = awaitStatuses(id, 1).get(0);
        assertThat(status.state()).isEqualTo(State.SKIPPED);
        assertThat(status.reason()).isEqualTo(ReasonCode.PRODUCT_GONE);
        assertThat(status.detail()).contains(stored.blobName());
        assertThat(dab().stats().imageWrites(id)).isZero();
    }

    @Test
    void aProductThatNeverExistedIsSkippedAsGone() {
        long id = 900_000_000L + System.nanoTime() % 1_000_000;

        UpdaterTopics.sendStored(Catalogs.storedImage(id));

        ProductStatus status = awaitStatuses(id, 1).get(0);
        assertThat(status.reason()).isEqualTo(ReasonCode.PRODUCT_GONE);
        assertThat(Catalogs.imageUrl(id)).as("no row was created").isNull();
    }

    /** The write itself finds the row gone (deleted between our read and our write): no upsert, no error. */
    @Test
    void aWriteToAVanishedProductReportsItGone() {
        long id = Catalogs.newProduct();
        Catalogs.delete(id);

        assertThat(catalog.writeImageUrl(id, "http://127.0.0.1/x.png")).isInstanceOf(CatalogWrite.Gone.class);
        assertThat(Catalogs.imageUrl(id)).isNull();
    }

    @Test
    void twoServerErrorsAreRetriedAndTheWriteCompletes() {
        long id = Catalogs.newProduct();
        long serverErrorsBefore = dab().stats().responses(500);
        dab().faults().add(Fault.error(500, null).times(2).onMethods(writeMethod()).onPath(restPath() + "/"));

        UpdaterTopics.sendStored(Catalogs.storedImage(id));

        assertThat(awaitStatuses(id, 1).get(0).state()).isEqualTo(State.COMPLETED);
        assertThat(dab().stats().responses(500) - serverErrorsBefore).isEqualTo(2);
        assertThat(dab().stats().imageWrites(id)).isEqualTo(1);
    }

    /**
     * A restyle (decision 0031): the catalog keeps its original until the approved image arrives, which then replaces
     * exactly that original; COMPLETED names the original; a redelivery writes nothing more.
     */
    @Test
    void anApprovedRestyleReplacesTheOriginalAndItsStatusNamesIt() {
        long id = Catalogs.newProduct();
        String original = "https://supplier-cdn.example.com/photos/" + id + ".jpg";
        Catalogs.setImageUrl(id, original);
        StoredImage restyle = Catalogs.restyleOf(id, original);
        assertThat(Catalogs.imageUrl(id)).as("while the restyle awaits review").isEqualTo(original);

        UpdaterTopics.sendStored(restyle);
        UpdaterTopics.sendStored(restyle);

        List<ProductStatus> statuses = awaitStatuses(id, 2);
        assertThat(statuses).extracting(ProductStatus::state).containsExactly(State.COMPLETED, State.COMPLETED);
        assertThat(statuses).extracting(ProductStatus::originalImageUrl).containsOnly(original);
        assertThat(statuses.get(0).detail()).isEqualTo(restyle.url());
        assertThat(Catalogs.imageUrl(id)).isEqualTo(restyle.url());
        assertThat(dab().stats().imageWrites(id)).as("the original's write and ours, once").isEqualTo(2);
    }

    /** Someone changed the product's image while the restyle waited: theirs is kept, the restyle is skipped. */
    @Test
    void aRestyleWhoseOriginalWasChangedMeanwhileIsSkippedAndTheCatalogKept() {
        long id = Catalogs.newProduct();
        String original = "https://supplier-cdn.example.com/photos/" + id + ".jpg";
        String theirs = "https://cdn.example.com/editor-choice/" + id + ".jpg";
        Catalogs.setImageUrl(id, original);
        Catalogs.setImageUrl(id, theirs);

        UpdaterTopics.sendStored(Catalogs.restyleOf(id, original));

        ProductStatus status = awaitStatuses(id, 1).get(0);
        assertThat(status.state()).isEqualTo(State.SKIPPED);
        assertThat(status.reason()).isEqualTo(ReasonCode.ALREADY_HAS_IMAGE);
        assertThat(status.detail()).contains("changed since the restyle was requested");
        assertThat(status.originalImageUrl()).isEqualTo(original);
        assertThat(Catalogs.imageUrl(id)).isEqualTo(theirs);
        assertThat(dab().stats().imageWrites(id)).as("only the two outside writes").isEqualTo(2);
    }

    /** This mode's write body as it was before alt text existed (what DAB gets when no column is configured). */
    abstract String urlOnlyBody(long id, String url);

    /**
     * Without {@code CATALOG_ALT_TEXT_COLUMN} (this class's configuration) an image with alt text is written as before,
     * byte for byte, the catalog's alt text column stays empty, and COMPLETED carries the verdict.
     */
    @Test
    void withoutTheColumnConfiguredTheWriteIsAsBeforeAndCompletedCarriesTheVerdict() {
        long id = Catalogs.newProduct();
        StoredImage stored = Catalogs.storedImage(id, "A brass desk lamp with a green glass shade");

        UpdaterTopics.sendStored(stored);

        ProductStatus status = awaitStatuses(id, 1).get(0);
        assertThat(status.state()).isEqualTo(State.COMPLETED);
        assertThat(status.verdict()).isEqualTo(stored.verdict());
        assertThat(writesOf(stored)).extracting(DabStats.Write::body).containsExactly(urlOnlyBody(id, stored.url()));
        assertThat(Catalogs.imageUrl(id)).isEqualTo(stored.url());
        assertThat(Catalogs.altText(dab(), id)).isNull();
    }

    /** The emulator's record of the writes that carried this image's URL. */
    static List<DabStats.Write> writesOf(StoredImage stored) {
        return dab().stats().writes().stream().filter(w -> w.body().contains(stored.url())).toList();
    }

    static List<ProductStatus> awaitStatuses(long id, int count) {
        return await().atMost(WAIT).pollInterval(Duration.ofMillis(200))
                .until(() -> UpdaterTopics.statuses(id), statuses -> statuses.size() >= count);
    }
}
