package com.catalogimage.uploader.review;

import static com.catalogimage.localstack.testing.TopicRecords.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.BlobProperties;
import com.azure.storage.blob.models.ListBlobsOptions;
import com.catalogimage.contracts.DeadLetterHeaders;
import com.catalogimage.contracts.GeneratedImage;
import com.catalogimage.contracts.ImageRequest;
import com.catalogimage.contracts.Product;
import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.contracts.ProductStatus.State;
import com.catalogimage.contracts.QualityVerdict;
import com.catalogimage.contracts.ReviewDecision;
import com.catalogimage.contracts.ReviewDecision.Verdict;
import com.catalogimage.contracts.StoredImage;
import com.catalogimage.contracts.Topics;
import com.catalogimage.contracts.serde.ProductStatusDeserializer;
import com.catalogimage.contracts.serde.StoredImageDeserializer;
import com.catalogimage.localstack.testing.AzuriteTestResource;
import com.catalogimage.localstack.testing.KafkaTestResource;
import com.catalogimage.localstack.testing.RetryTopicsTestResource;
import com.catalogimage.uploader.TestImages;
import com.catalogimage.uploader.client.ReviewContainer;
import com.catalogimage.uploader.service.BlobNamer;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

/** The review gate against the real broker and Azurite, in REVIEW_MODE=manual. */
@QuarkusTest
@TestProfile(ManualReview.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(AzuriteTestResource.class)
@WithTestResource(RetryTopicsTestResource.class)
@WithTestResource(PreviousRunResource.class)
class ReviewGateTest {

    private static final AtomicLong IDS = new AtomicLong(System.currentTimeMillis() % 1_000_000_000L * 100 + 60);
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final HttpClient ANONYMOUS = HttpClient.newHttpClient();

    @Inject
    BlobContainerClient products;

    @Inject
    ReviewContainer review;

    @Inject
    MeterRegistry metrics;

    @Test
    void storesTheImageAndItsThumbnailPrivatelyAndWaitsForAReviewer() throws Exception {
        long id = IDS.incrementAndGet();
        byte[] png = TestImages.png(1024, 1024, id);
        GeneratedImage generated = generated(id, "Blue Denim Jeans", png);

        StoredImage pending = sendAndAwaitReview(generated);

        String name = "images/" + id + "-blue-denim-jeans-" + BlobNamer.sha256(png).substring(0, 12) + ".png";
        assertThat(pending.blobName()).isEqualTo(name);
        assertThat(pending.url()).endsWith("/devstoreaccount1/" + ManualReview.REVIEW_CONTAINER + "/" + name);
        assertThat(pending.sha256()).isEqualTo(BlobNamer.sha256(png));
        assertThat(pending.request().requestId()).isEqualTo(generated.request().requestId());
        ProductStatus status = latestStatus(id);
        assertThat(status.state()).isEqualTo(State.AWAITING_REVIEW);
        assertThat(status.detail()).isEqualTo(name);
        assertThat(status.stage()).isEqualTo("blob-uploader");

        // Nobody reads it without credentials: the container is private, the blob's URL answers no anonymous GET.
        assertThat(review.client().getProperties().getBlobPublicAccess()).isNull();
        assertThat(anonymousGet(pending.url()).statusCode()).isNotEqualTo(200);
        assertThat(review.client().getBlobClient(name).downloadContent().toBytes()).isEqualTo(png);
        BlobProperties thumbnail = review.client().getBlobClient(BlobNamer.thumbnailName(name)).getProperties();
        assertThat(thumbnail.getContentType()).isEqualTo("image/jpeg");
        assertThat(thumbnail.getMetadata()).containsEntry("thumbnailof", name);
        assertThat(review.client().getBlobClient(name).getProperties().getMetadata())
                .containsEntry("thumbnail", BlobNamer.thumbnailName(name))
                .containsEntry("productid", String.valueOf(id));

        // Nothing towards the catalog, nothing public.
        assertThat(storedImages(id)).isEmpty();
        assertThat(publicBlobs(id)).isEmpty();
    }

    @Test
    void approvalPublishesTheImageAndItsThumbnailThenStoredAndASecondDecisionIsStale() throws Exception {
        long id = IDS.incrementAndGet();
        byte[] png = TestImages.png(1024, 1024, id);
        GeneratedImage generated = generated(id, "Kids Dinosaur Pajamas", png);
        StoredImage pending = sendAndAwaitReview(generated);

        decide(pending, Verdict.APPROVE, null);

        StoredImage stored = await().atMost(PATIENCE).until(() -> storedImages(id), list -> !list.isEmpty()).get(0);
        assertThat(stored.blobName()).isEqualTo(pending.blobName());
        assertThat(stored.url()).endsWith("/devstoreaccount1/" + ManualReview.CONTAINER + "/" + pending.blobName())
                .doesNotContain("?");
        assertThat(stored.sha256()).isEqualTo(pending.sha256());
        assertThat(stored.request()).isEqualTo(pending.request());
        HttpResponse<byte[]> download = anonymousGet(stored.url());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(png);
        assertThat(download.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        HttpResponse<byte[]> thumbnail = anonymousGet(stored.url().replace(".png", ".thumb.jpg"));
        assertThat(thumbnail.statusCode()).isEqualTo(200);
        assertThat(thumbnail.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        // The metadata came along.
        assertThat(products.getBlobClient(stored.blobName()).getProperties().getMetadata())
                .containsEntry("requestid", pending.request().requestId());
        ProductStatus storedStatus = await().atMost(PATIENCE).until(() -> latestStatus(id),
                status -> status.state() == State.STORED);
        assertThat(storedStatus.detail()).isEqualTo(stored.url());
        assertThat(storedStatus.at()).isEqualTo(stored.storedAt());

        // A second decision on the same image (another reviewer, a double click) changes nothing.
        double staleBefore = decisions("stale");
        decide(pending, Verdict.REJECT, "changed my mind");
        await().atMost(PATIENCE).until(() -> decisions("stale") > staleBefore);
        assertThat(statuses(id)).extracting(ProductStatus::state).containsExactly(State.AWAITING_REVIEW, State.STORED);
        assertThat(storedImages(id)).hasSize(1);

        // The generated image delivered again (a crash before its offset was committed) is not put up for review again.
        double againBefore = images("already-decided");
        KafkaTestResource.topics().send(Topics.GENERATED_IMAGES, String.valueOf(id), generated);
        await().atMost(PATIENCE).until(() -> images("already-decided") > againBefore);
        assertThat(statuses(id)).extracting(ProductStatus::state).containsExactly(State.AWAITING_REVIEW, State.STORED);
        assertThat(KafkaTestResource.topics().values(Topics.IMAGES_AWAITING_REVIEW, String.valueOf(id),
                new StoredImageDeserializer())).hasSize(1);
    }

    @Test
    void rejectionEndsSkippedRejectedByReviewerAndPublishesNothing() throws Exception {
        long id = IDS.incrementAndGet();
        StoredImage pending = sendAndAwaitReview(generated(id, "Trail Mix", TestImages.png(1024, 1024, id)));

        decide(pending, Verdict.REJECT, "too dark\nand blurry");

        ProductStatus rejected = await().atMost(PATIENCE).until(() -> latestStatus(id),
                status -> status.state() == State.SKIPPED);
        assertThat(rejected.reason()).isEqualTo(ProductStatus.ReasonCode.REJECTED_BY_REVIEWER);
        assertThat(rejected.detail()).isEqualTo("rejected by alice: too dark and blurry");
        assertThat(rejected.requestId()).isEqualTo(pending.request().requestId());
        assertThat(storedImages(id)).isEmpty();
        assertThat(publicBlobs(id)).isEmpty();
        // The paid-for image stays where reviewers can find it.
        assertThat(review.client().getBlobClient(pending.blobName()).exists()).isTrue();
    }

    @Test
    void regenerateWritesNothingHere() throws Exception {
        long id = IDS.incrementAndGet();
        StoredImage pending = sendAndAwaitReview(generated(id, "Wireless Gamer Mouse", TestImages.png(1024, 1024, id)));
        double before = decisions("regenerate");

        decide(pending, Verdict.REGENERATE, "more light");

        await().atMost(PATIENCE).until(() -> decisions("regenerate") > before);
        assertThat(statuses(id)).extracting(ProductStatus::state).containsExactly(State.AWAITING_REVIEW);
        assertThat(storedImages(id)).isEmpty();
    }

    @Test
    void aMalformedDecisionIsDeadLetteredAsPoisonAndLeavesTheProductAwaitingReview() throws Exception {
        long id = IDS.incrementAndGet();
        sendAndAwaitReview(generated(id, "Garden Hose", TestImages.png(1024, 1024, id)));

        KafkaTestResource.topics().sendBytes(Topics.REVIEW_DECISIONS, String.valueOf(id),
                "{not json".getBytes(StandardCharsets.UTF_8));

        ConsumerRecord<String, byte[]> dead = await().atMost(PATIENCE).until(() -> KafkaTestResource.topics()
                .read(Topics.DEAD_LETTERS, String.valueOf(id), new ByteArrayDeserializer()), list -> !list.isEmpty()).get(0);
        assertThat(header(dead, DeadLetterHeaders.REASON_CODE)).isEqualTo("POISON");
        assertThat(header(dead, DeadLetterHeaders.STAGE)).isEqualTo("blob-uploader");
        assertThat(header(dead, DeadLetterHeaders.ATTEMPTS)).isEqualTo("0");
        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
        // It says nothing about the product: no DEAD_LETTERED, the image still waits for a reviewer.
        assertThat(statuses(id)).extracting(ProductStatus::state).containsExactly(State.AWAITING_REVIEW);
    }

    @Test
    void aDecisionWithoutItsImageIsDeadLetteredAsPoison() throws Exception {
        long id = IDS.incrementAndGet();
        sendAndAwaitReview(generated(id, "Watering Can", TestImages.png(1024, 1024, id)));

        KafkaTestResource.topics().send(Topics.REVIEW_DECISIONS, String.valueOf(id), new ReviewDecision(
                UUID.randomUUID().toString(), id, null, Verdict.APPROVE, null, null, "alice", Instant.now()));

        ConsumerRecord<String, byte[]> dead = await().atMost(PATIENCE).until(() -> KafkaTestResource.topics()
                .read(Topics.DEAD_LETTERS, String.valueOf(id), new ByteArrayDeserializer()), list -> !list.isEmpty()).get(0);
        assertThat(header(dead, DeadLetterHeaders.REASON_CODE)).isEqualTo("POISON");
        assertThat(header(dead, "dead-letter-reason")).endsWith("a review decision without the image it decides");
        assertThat(statuses(id)).extracting(ProductStatus::state).containsExactly(State.AWAITING_REVIEW);
        assertThat(storedImages(id)).isEmpty();
    }

    /** The gate survives a restart: the decision written before this uploader started is carried out after. */
    @Test
    void aDecisionLeftFromBeforeARestartIsCarriedOut() {
        long id = PreviousRunResource.PRODUCT_ID;

        StoredImage stored = await().atMost(PATIENCE).until(() -> storedImages(id), list -> !list.isEmpty()).get(0);

        assertThat(stored.blobName()).isEqualTo(PreviousRunResource.BLOB_NAME);
        assertThat(products.getBlobClient(PreviousRunResource.BLOB_NAME).downloadContent().toBytes())
                .isEqualTo(PreviousRunResource.PNG);
        assertThat(products.getBlobClient(BlobNamer.thumbnailName(PreviousRunResource.BLOB_NAME)).exists()).isTrue();
        assertThat(await().atMost(PATIENCE).until(() -> latestStatus(id), status -> status.state() == State.STORED)
                .detail()).isEqualTo(stored.url());
    }

    @Test
    void theImagesMetadataCarriesThePromptAsSent() throws Exception {
        long id = IDS.incrementAndGet();
        StoredImage pending = sendAndAwaitReview(generated(id, "Café Crème", TestImages.png(1024, 1024, id)));

        var metadata = review.client().getBlobClient(pending.blobName()).getProperties().getMetadata();

        assertThat(URLDecoder.decode(metadata.get("prompt"), StandardCharsets.UTF_8)).isEqualTo("A photo of Café Crème");
        assertThat(URLDecoder.decode(metadata.get("productname"), StandardCharsets.UTF_8)).isEqualTo("Café Crème");
    }

    /**
     * The verdict travels both review paths: on the pending image and AWAITING_REVIEW, as alt text on the private blob,
     * and, once approved, on the public copy's StoredImage and STORED.
     */
    @Test
    void theVerdictAndAltTextTravelThroughReviewToTheApprovedCopy() throws Exception {
        long id = IDS.incrementAndGet();
        GeneratedImage plain = generated(id, "Trail Mix", TestImages.png(1024, 1024, id));
        QualityVerdict verdict = new QualityVerdict(QualityVerdict.Outcome.FAILED, true, false, true, true,
                List.of("Text on the bag"), "Image of a bag of trail mix <b>with nuts</b>", "gpt-5-mini", 1200, 90,
                new BigDecimal("0.0005"), 1);
        GeneratedImage generated = new GeneratedImage(plain.request(), plain.image(), plain.contentType(), plain.model(),
                plain.deployment(), plain.size(), plain.quality(), plain.usage(), plain.costUsd(), null,
                plain.generatedAt(), plain.prompt(), verdict);

        StoredImage pending = sendAndAwaitReview(generated);

        assertThat(pending.verdict()).isEqualTo(verdict);
        assertThat(latestStatus(id).verdict()).isEqualTo(verdict);
        var metadata = review.client().getBlobClient(pending.blobName()).getProperties().getMetadata();
        assertThat(URLDecoder.decode(metadata.get("alttext"), StandardCharsets.UTF_8)).isEqualTo("Bag of trail mix with nuts");
        assertThat(metadata).containsEntry("qualitycheck", "failed").containsEntry("quality", "low");

        decide(pending, Verdict.APPROVE, null);

        StoredImage stored = await().atMost(PATIENCE).until(() -> storedImages(id), list -> !list.isEmpty()).get(0);
        assertThat(stored.verdict()).isEqualTo(verdict);
        assertThat(stored.altText()).isEqualTo(verdict.altText());
        ProductStatus storedStatus = await().atMost(PATIENCE).until(() -> latestStatus(id),
                status -> status.state() == State.STORED);
        assertThat(storedStatus.verdict()).isEqualTo(verdict);
        assertThat(products.getBlobClient(stored.blobName()).getProperties().getMetadata())
                .containsEntry("alttext", metadata.get("alttext"));
    }

    /**
     * Variants at the gate (decision 0031): all of them wait beside the main image; the reviewer picks the call's third
     * image, which alone is published, under its own content-addressed name, with its metadata saying which variant it
     * was; the main image and the other variant stay private. The same decision delivered again is stale.
     */
    @Test
    void approvingAVariantPublishesThatImageAloneAndItsRedeliveryIsStale() throws Exception {
        long id = IDS.incrementAndGet();
        byte[] main = TestImages.png(1024, 1024, id);
        byte[] second = TestImages.png(1024, 1024, id + 7_000_000);
        byte[] third = TestImages.png(1024, 1024, id + 9_000_000);
        GeneratedImage generated = withVariants(generated(id, "Wool Scarf", main), List.of(second, third));
        StoredImage pending = sendAndAwaitReview(generated);
        assertThat(pending.variants()).extracting(StoredImage.Variant::index, StoredImage.Variant::sha256)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, BlobNamer.sha256(second)),
                        org.assertj.core.groups.Tuple.tuple(2, BlobNamer.sha256(third)));
        assertThat(pending.variants().get(1).blobName()).isEqualTo(pending.blobName().replace(".png", "-v3.png"));
        assertThat(review.client().getBlobClient(pending.variants().get(1).blobName()).downloadContent().toBytes())
                .isEqualTo(third);

        ReviewDecision approval = decision(pending, Verdict.APPROVE, null, 2);
        send(approval);

        StoredImage stored = await().atMost(PATIENCE).until(() -> storedImages(id), list -> !list.isEmpty()).get(0);
        String publicName = "images/" + id + "-wool-scarf-" + BlobNamer.sha256(third).substring(0, 12) + ".png";
        assertThat(stored.blobName()).isEqualTo(publicName);
        assertThat(stored.sha256()).isEqualTo(BlobNamer.sha256(third));
        assertThat(stored.sizeBytes()).isEqualTo(third.length);
        assertThat(stored.variantsOrEmpty()).isEmpty();
        assertThat(anonymousGet(stored.url()).body()).isEqualTo(third);
        assertThat(publicBlobs(id)).containsExactlyInAnyOrder(publicName, BlobNamer.thumbnailName(publicName));
        assertThat(products.getBlobClient(publicName).getProperties().getMetadata())
                .containsEntry("variant", "2").containsEntry("variantof", pending.blobName())
                .containsEntry("thumbnail", BlobNamer.thumbnailName(publicName));
        assertThat(products.getBlobClient(BlobNamer.thumbnailName(publicName)).getProperties().getMetadata())
                .containsEntry("thumbnailof", publicName);
        assertThat(anonymousGet(pending.url()).statusCode()).isNotEqualTo(200);
        ProductStatus storedStatus = await().atMost(PATIENCE).until(() -> latestStatus(id),
                status -> status.state() == State.STORED);
        assertThat(storedStatus.detail()).isEqualTo(stored.url());

        double staleBefore = decisions("stale");
        send(approval);
        await().atMost(PATIENCE).until(() -> decisions("stale") > staleBefore);
        assertThat(storedImages(id)).hasSize(1);
        assertThat(statuses(id)).extracting(ProductStatus::state).containsExactly(State.AWAITING_REVIEW, State.STORED);
    }

    /** An approval of a variant the image does not have publishes nothing, says why, and the image still waits. */
    @Test
    void anApprovalOfAnUnknownVariantPublishesNothingAndSaysWhy() throws Exception {
        long id = IDS.incrementAndGet();
        StoredImage pending = sendAndAwaitReview(withVariants(generated(id, "Tea Kettle", TestImages.png(1024, 1024, id)),
                List.of(TestImages.png(1024, 1024, id + 7_000_000))));

        send(decision(pending, Verdict.APPROVE, null, 3));

        ConsumerRecord<String, byte[]> dead = await().atMost(PATIENCE).until(() -> KafkaTestResource.topics()
                .read(Topics.DEAD_LETTERS, String.valueOf(id), new ByteArrayDeserializer()), list -> !list.isEmpty()).get(0);
        assertThat(header(dead, DeadLetterHeaders.REASON_CODE)).isEqualTo("POISON");
        assertThat(header(dead, "dead-letter-reason")).endsWith("approves variant 3 of " + pending.blobName()
                + ", which has variants [1]: nothing published, the image still waits for a reviewer");
        assertThat(statuses(id)).extracting(ProductStatus::state).containsExactly(State.AWAITING_REVIEW);
        assertThat(storedImages(id)).isEmpty();
        assertThat(publicBlobs(id)).isEmpty();
    }

    /** A rejected restyle ends SKIPPED REJECTED_BY_REVIEWER naming the original; nothing goes towards the catalog. */
    @Test
    void aRejectedRestyleIsSkippedAndEveryStatusNamesTheOriginal() throws Exception {
        long id = IDS.incrementAndGet();
        String original = "https://supplier-cdn.example.com/photos/" + id + ".jpg";
        StoredImage pending = sendAndAwaitReview(restyle(generated(id, "Canvas Tote", TestImages.png(1024, 1024, id)),
                original));

        send(decision(pending, Verdict.REJECT, "keep the supplier photo", 0));

        ProductStatus rejected = await().atMost(PATIENCE).until(() -> latestStatus(id),
                status -> status.state() == State.SKIPPED);
        assertThat(rejected.reason()).isEqualTo(ProductStatus.ReasonCode.REJECTED_BY_REVIEWER);
        assertThat(statuses(id)).extracting(ProductStatus::originalImageUrl).containsOnly(original);
        assertThat(storedImages(id)).isEmpty();
        assertThat(publicBlobs(id)).isEmpty();
    }

    /**
     * An approved restyle goes to the catalog as any approved image, its request still saying RESTYLE and naming the
     * original (which the updater replaces only while it is still there), and STORED still names the original.
     */
    @Test
    void anApprovedRestyleIsPublishedAndItsStatusesStillNameTheOriginal() throws Exception {
        long id = IDS.incrementAndGet();
        String original = "https://supplier-cdn.example.com/photos/" + id + ".jpg";
        StoredImage pending = sendAndAwaitReview(restyle(generated(id, "Linen Shirt", TestImages.png(1024, 1024, id)),
                original));
        assertThat(storedImages(id)).as("nothing towards the catalog while it waits").isEmpty();

        send(decision(pending, Verdict.APPROVE, null, 0));

        StoredImage stored = await().atMost(PATIENCE).until(() -> storedImages(id), list -> !list.isEmpty()).get(0);
        assertThat(stored.request().isRestyle()).isTrue();
        assertThat(stored.request().product().imageUrl()).isEqualTo(original);
        assertThat(anonymousGet(stored.url()).statusCode()).isEqualTo(200);
        await().atMost(PATIENCE).until(() -> latestStatus(id), status -> status.state() == State.STORED);
        assertThat(statuses(id)).extracting(ProductStatus::state).containsExactly(State.AWAITING_REVIEW, State.STORED);
        assertThat(statuses(id)).extracting(ProductStatus::originalImageUrl).containsOnly(original);
    }

    private static GeneratedImage restyle(GeneratedImage g, String original) {
        ImageRequest request = new ImageRequest(g.request().requestId(), g.request().product().withImageUrls(original,
                null), g.request().attempt(), null, g.request().origin(), g.request().requestedAt(), null,
                ImageRequest.Mode.RESTYLE);
        return new GeneratedImage(request, g.image(), g.contentType(), g.model(), g.deployment(), g.size(), g.quality(),
                g.usage(), g.costUsd(), null, g.generatedAt(), g.prompt());
    }

    private static GeneratedImage withVariants(GeneratedImage g, List<byte[]> variants) {
        return new GeneratedImage(g.request(), g.image(), g.contentType(), g.model(), g.deployment(), g.size(),
                g.quality(), g.usage(), g.costUsd(), g.revisedPrompt(), g.generatedAt(), g.prompt(), g.verdict(),
                variants);
    }

    private static ReviewDecision decision(StoredImage image, Verdict verdict, String note, int variant) {
        long id = image.request().product().id();
        return new ReviewDecision(UUID.randomUUID().toString(), id, image, verdict, note, null, "alice", Instant.now(),
                variant);
    }

    private static void send(ReviewDecision decision) {
        KafkaTestResource.topics().send(Topics.REVIEW_DECISIONS, String.valueOf(decision.productId()), decision);
    }

    private StoredImage sendAndAwaitReview(GeneratedImage generated) {
        long id = generated.request().product().id();
        KafkaTestResource.topics().send(Topics.GENERATED_IMAGES, String.valueOf(id), generated);
        StoredImage pending = KafkaTestResource.topics().await(Topics.IMAGES_AWAITING_REVIEW, String.valueOf(id),
                new StoredImageDeserializer(), 1, PATIENCE).get(0).value();
        await().atMost(PATIENCE).until(() -> latestStatus(id), status -> status.state() == State.AWAITING_REVIEW);
        return pending;
    }

    private static void decide(StoredImage image, Verdict verdict, String note) {
        long id = image.request().product().id();
        KafkaTestResource.topics().send(Topics.REVIEW_DECISIONS, String.valueOf(id), new ReviewDecision(
                UUID.randomUUID().toString(), id, image, verdict, note, null, "alice", Instant.now()));
    }

    private double images(String outcome) {
        var counter = metrics.find("uploader.images").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private double decisions(String outcome) {
        var counter = metrics.find("uploader.review.decisions").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private List<String> publicBlobs(long id) {
        if (!products.exists()) {
            return List.of();
        }
        return products.listBlobs(new ListBlobsOptions().setPrefix("images/" + id + "-"), null).stream()
                .map(BlobItem::getName).toList();
    }

    private static HttpResponse<byte[]> anonymousGet(String url) throws Exception {
        return ANONYMOUS.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static GeneratedImage generated(long id, String name, byte[] image) {
        ImageRequest request = new ImageRequest(UUID.randomUUID().toString(),
                new Product(id, name, "A product photographed for the catalog.", 1, "Apparel", null), 1, null,
                ImageRequest.Origin.SCAN, Instant.now());
        return new GeneratedImage(request, image, "image/png", "gpt-image-1-mini", "gpt-image-1-mini", "1024x1024",
                "low", new GeneratedImage.Usage(50, 272, 322), new BigDecimal("0.005"), null, Instant.now(),
                "A photo of " + name);
    }

    private static List<StoredImage> storedImages(long id) {
        return KafkaTestResource.topics().values(Topics.STORED_IMAGES, String.valueOf(id), new StoredImageDeserializer());
    }

    private static List<ProductStatus> statuses(long id) {
        return KafkaTestResource.topics().values(Topics.IMAGE_STATUS, String.valueOf(id), new ProductStatusDeserializer());
    }

    private static ProductStatus latestStatus(long id) {
        List<ProductStatus> all = statuses(id);
        return all.isEmpty() ? new ProductStatus(id, null, 0, State.UNKNOWN, null, null, null, null, null)
                : all.get(all.size() - 1);
    }
}
