package com.catalogimage.benchmark;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.options.BlockBlobSimpleUploadOptions;
import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.contracts.ProductStatus.ReasonCode;
import com.catalogimage.contracts.ProductStatus.State;
import com.catalogimage.contracts.Topics;
import com.catalogimage.contracts.serde.JsonSerializer;
import com.catalogimage.localstack.azurite.Azurite;
import com.catalogimage.localstack.http.Ports;
import com.catalogimage.localstack.kafka.EmbeddedKafka;
import com.catalogimage.runner.PipelineRunner;
import com.catalogimage.runner.ServiceProcesses;
import com.catalogimage.runner.ServiceProcesses.Service;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Part 6, the operator console under a full status memory (issue 12: with 5,000 products, the overview and the first
 * gallery page answer in at most 300 ms). Kafka and Azurite of the local stack, {@code products} products' statuses on
 * {@code image-status} (most COMPLETED, some AWAITING_REVIEW, SKIPPED by a reviewer and DEAD_LETTERED after a second
 * attempt; three to six statuses each, so the timelines are filled), one image per product with its thumbnail and the
 * uploader's metadata, then only the packaged console (the stages' URLs point at a closed port: the pages must answer
 * without them). Logged in by form as the operator, once the gallery lists every image: warm-up GETs, then the measured
 * ones, one at a time, each from sending to the last byte of the page.
 */
final class ConsoleRun {

    static final long TARGET_MS = 300;
    private static final String MODULE = "operator-console";
    private static final Pattern GALLERY_COUNT = Pattern.compile("data-testid=\"gallery-count\">(\\d+) images");
    private static final String[] CATEGORIES = {"Apparel", "Footwear", "Kitchen", "Garden", "Toys", "Office", "Sports",
        "Beauty"};
    private static final String PUBLIC = "products";
    private static final String REVIEW = "products-review";
    /** Nothing listens there: the console's calls to the stages and the scanner are refused at once. */
    private static final String CLOSED = "http://127.0.0.1:1";

    private ConsoleRun() {
    }

    static BenchmarkResults.Console run(int products, int warmup, int measured) throws Exception {
        Path folder = Files.createTempDirectory("benchmark-console-");
        System.out.printf("[console] %d products, data in %s%n", products, folder);
        try (EmbeddedKafka kafka = EmbeddedKafka.start(Files.createDirectories(folder.resolve("kafka")), false, 0);
                Azurite azurite = Azurite.start(Files.createDirectories(folder.resolve("azurite")), 0)) {
            Instant now = Instant.now();
            Instant seeded = Instant.now();
            int statuses = writeStatuses(kafka.bootstrapServers(), products, now);
            int images = storeImages(azurite.connectionString(), products, now);
            System.out.printf("[console] %d statuses and %d images with thumbnails written in %d s%n", statuses, images,
                    Duration.between(seeded, Instant.now()).toSeconds());

            String password = randomHex(16);
            int port = Ports.free();
            Path log = folder.resolve("logs").resolve(MODULE + ".log");
            Instant launched = Instant.now();
            Process console = launch(port, log, kafka.bootstrapServers(), azurite.connectionString(), password);
            try {
                String base = "http://127.0.0.1:" + port;
                HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                        .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(2)).build();
                awaitReady(http, base, console, log);
                double ready = Figures.seconds(Duration.between(launched, Instant.now()));
                System.out.printf("[console] ready %.1f s after launch%n", ready);
                logIn(http, base, password);
                double listed = awaitGallery(http, base, images, launched);
                System.out.printf("[console] gallery shows %d images %.1f s after launch%n", images, listed);
                checkPages(http, base, products);
                List<Duration> overview = time(http, base + "/", warmup, measured);
                List<Duration> gallery = time(http, base + "/gallery", warmup, measured);
                ProcessHandle handle = console.toHandle();
                BenchmarkResults.Console result = new BenchmarkResults.Console(products, statuses, images, warmup,
                        measured, TARGET_MS, Figures.percentileMillis(overview, 50),
                        Figures.percentileMillis(overview, 95), Figures.percentileMillis(overview, 100),
                        Figures.percentileMillis(gallery, 50), Figures.percentileMillis(gallery, 95),
                        Figures.percentileMillis(gallery, 100), Figures.quarkusStartSeconds(log).orElse(-1.0), ready,
                        listed, Figures.peakRssMib(handle).orElse(-1.0));
                System.out.printf("[console] overview p95 %d ms, gallery p95 %d ms (target %d ms)%n",
                        result.overviewP95Ms(), result.galleryP95Ms(), TARGET_MS);
                return result;
            } finally {
                console.destroy();
                if (!console.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    console.destroyForcibly();
                }
            }
        } finally {
            BenchmarkResults.deleteQuietly(folder);
        }
    }

    /**
     * Each product's timeline, oldest first, over the last two days (the newest today, so the overview's "today" has
     * figures): every 20th waits for a reviewer, every 20th was rejected by one, every 20th was dead-lettered on a second
     * attempt after a first that completed, every 7th of the rest completed on a second attempt after running out of
     * retries. Keyed by product id as the stages write them.
     */
    private static int writeStatuses(String bootstrap, int products, Instant now) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        int written = 0;
        try (KafkaProducer<String, ProductStatus> producer = new KafkaProducer<>(config, new StringSerializer(),
                new JsonSerializer<>())) {
            for (long id = 1; id <= products; id++) {
                for (ProductStatus status : timeline(id, products, now)) {
                    producer.send(new ProducerRecord<>(Topics.IMAGE_STATUS, String.valueOf(id), status));
                    written++;
                }
            }
            producer.flush();
        }
        return written;
    }

    /**
     * When product {@code id}'s image was generated: spread over two days, the highest id newest, and at least 20 min
     * ago so that the statuses after it (a reviewer's rejection 15 min later) are in the past too.
     */
    private static Instant generatedAt(long id, int products, Instant now) {
        return now.minusSeconds((products - id) * (2 * 24 * 3600L) / products + 1200);
    }

    static List<ProductStatus> timeline(long id, int products, Instant now) {
        Instant at = generatedAt(id, products, now);
        BigDecimal cost = new BigDecimal("0.011");
        List<ProductStatus> list = new ArrayList<>();
        int kind = (int) (id % 20);
        int attempt = 1;
        if (kind == 2 || (kind > 2 && id % 7 == 0)) {
            // an earlier attempt: completed (then requested again, kind 2) or out of retries (the rest)
            String request = "req-" + id + "-1";
            Instant first = kind == 2 ? at : at.minusSeconds(600);
            list.add(status(id, request, 1, State.REQUESTED, null, "scan", "product-scanner", first.minusSeconds(20), null));
            if (kind == 2) {
                list.add(status(id, request, 1, State.GENERATED, null, null, "image-generator", first.minusSeconds(8), cost));
                list.add(status(id, request, 1, State.STORED, null, null, "blob-uploader", first.minusSeconds(4), null));
                list.add(status(id, request, 1, State.COMPLETED, null, null, "catalog-updater", first, null));
                list.add(status(id, "req-" + id + "-2", 2, State.REQUESTED, null, "request again", "product-scanner",
                        first.plusSeconds(300), null));
                list.add(status(id, "req-" + id + "-2", 2, State.DEAD_LETTERED, ReasonCode.CONTENT_POLICY,
                        "the model refused the prompt", "image-generator", first.plusSeconds(310), null));
                return list;
            }
            list.add(status(id, request, 1, State.DEAD_LETTERED, ReasonCode.RETRIES_EXHAUSTED, "429 after 5 tries",
                    "image-generator", first.plusSeconds(60), null));
            attempt = 2;
        }
        String request = "req-" + id + "-" + attempt;
        list.add(status(id, request, attempt, State.REQUESTED, null, "scan", "product-scanner", at.minusSeconds(20), null));
        list.add(status(id, request, attempt, State.GENERATED, null, null, "image-generator", at, cost));
        if (kind == 0 || kind == 1) {
            list.add(status(id, request, attempt, State.AWAITING_REVIEW, null, null, "blob-uploader", at.plusSeconds(3),
                    null));
            if (kind == 1) {
                list.add(status(id, request, attempt, State.SKIPPED, ReasonCode.REJECTED_BY_REVIEWER, "wrong colour",
                        "blob-uploader", at.plusSeconds(900), null));
            }
            return list;
        }
        list.add(status(id, request, attempt, State.STORED, null, null, "blob-uploader", at.plusSeconds(3), null));
        list.add(status(id, request, attempt, State.COMPLETED, null, null, "catalog-updater", at.plusSeconds(4), null));
        return list;
    }

    private static ProductStatus status(long id, String request, int attempt, State state, ReasonCode reason,
            String detail, String stage, Instant at, BigDecimal cost) {
        return new ProductStatus(id, request, attempt, state, reason, detail, stage, at, cost);
    }

    /**
     * One image per product and its thumbnail, named and described as the uploader does (BlobNamer, BlobMetadata):
     * in the review container for the products at the review gate (waiting or rejected), else in the public one.
     */
    private static int storeImages(String connectionString, int products, Instant now) throws Exception {
        BlobServiceClient service = new BlobServiceClientBuilder().connectionString(connectionString).buildClient();
        BlobContainerClient publicContainer = service.createBlobContainerIfNotExists(PUBLIC);
        BlobContainerClient reviewContainer = service.createBlobContainerIfNotExists(REVIEW);
        BinaryData png = BinaryData.fromBytes(picture(64, "png"));
        BinaryData thumb = BinaryData.fromBytes(picture(32, "jpg"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> uploads = new ArrayList<>();
            for (long id = 1; id <= products; id++) {
                long product = id;
                int kind = (int) (id % 20);
                BlobContainerClient container = kind == 0 || kind == 1 ? reviewContainer : publicContainer;
                uploads.add(pool.submit(() -> {
                    String name = "images/" + product + "-product-" + product + "-" + String.format("%012x", product * 2654435761L);
                    String image = name + ".png";
                    String thumbnail = name + ".thumb.jpg";
                    Map<String, String> metadata = new LinkedHashMap<>();
                    metadata.put("productid", String.valueOf(product));
                    metadata.put("requestid", "req-" + product + "-" + (kind > 2 && product % 7 == 0 ? 2 : 1));
                    metadata.put("attempt", kind > 2 && product % 7 == 0 ? "2" : "1");
                    metadata.put("model", "gpt-image-2");
                    metadata.put("productname", URLEncoder.encode("Product " + product, StandardCharsets.UTF_8));
                    metadata.put("category", URLEncoder.encode(CATEGORIES[(int) (product % CATEGORIES.length)],
                            StandardCharsets.UTF_8));
                    metadata.put("prompt", URLEncoder.encode("A studio photo of product " + product
                            + " on a white background, soft light", StandardCharsets.UTF_8));
                    metadata.put("size", "1024x1024");
                    metadata.put("quality", "low");
                    metadata.put("costusd", "0.011");
                    metadata.put("generatedat", generatedAt(product, products, now).toString());
                    metadata.put("thumbnail", thumbnail);
                    container.getBlobClient(thumbnail).getBlockBlobClient().uploadWithResponse(
                            new BlockBlobSimpleUploadOptions(thumb).setMetadata(Map.of("productid",
                                    String.valueOf(product), "thumbnailof", image)), null, null);
                    container.getBlobClient(image).getBlockBlobClient().uploadWithResponse(
                            new BlockBlobSimpleUploadOptions(png).setMetadata(metadata), null, null);
                }));
            }
            for (Future<?> upload : uploads) {
                upload.get();
            }
            return uploads.size();
        } finally {
            pool.shutdownNow();
        }
    }

    private static byte[] picture(int side, String format) {
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < side; x++) {
            for (int y = 0; y < side; y++) {
                image.setRGB(x, y, new Color(x * 255 / side, y * 255 / side, 128).getRGB());
            }
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The packaged console as the runner starts a service ({@code ServiceProcesses}: same heap, collector and buffer
     * cache: {@code ServiceProcesses.jvmOptions}), with only Kafka and storage reachable.
     */
    private static Process launch(int port, Path log, String bootstrap, String storage, String password)
            throws IOException {
        Path jar = PipelineRunner.repository().resolve(MODULE).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (./mvnw -B -DskipTests package)");
        }
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ServiceProcesses.jvmOptions(Service.OPERATOR_CONSOLE));
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> environment = builder.environment();
        // The benchmark measures the local stack: variables naming real services are not followed.
        com.catalogimage.localstack.LocalStack.EXTERNAL.values()
                .forEach(names -> Stream.of(names.split("\\|")).forEach(environment::remove));
        environment.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        environment.put("AZURE_STORAGE_CONNECTION_STRING", storage);
        environment.put("CONSOLE_OPERATOR_PASSWORD", password);
        environment.put("CONSOLE_PORT", String.valueOf(port));
        environment.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        for (String stage : List.of("SCANNER_URL", "GENERATOR_URL", "UPLOADER_URL", "UPDATER_URL")) {
            environment.put(stage, CLOSED);
        }
        environment.put("SCAN_API_KEY", randomHex(24));
        environment.put("AZURE_OPENAI_RPM", "60");
        return builder.start();
    }

    private static void awaitReady(HttpClient http, String base, Process console, Path log) {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (true) {
            if (!console.isAlive()) {
                throw new IllegalStateException(MODULE + " exited with " + console.exitValue() + "; see " + log);
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready")).timeout(Duration.ofSeconds(5))
                        .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(MODULE + " not ready after 3 min; see " + log);
            }
            BenchPipeline.pause(Duration.ofMillis(100));
        }
    }

    /** Form login; the session cookie stays in the client's cookie manager. */
    private static void logIn(HttpClient http, String base, String password) throws IOException, InterruptedException {
        String form = "j_username=operator&j_password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(base + "/j_security_check"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        String location = response.headers().firstValue("Location").orElse("");
        if (response.statusCode() / 100 != 3 || location.contains("error")) {
            throw new IllegalStateException("login refused: " + response.statusCode() + " " + location);
        }
    }

    /** Seconds from launch until the first gallery page counts {@code images} (the blob index lists in the background). */
    private static double awaitGallery(HttpClient http, String base, int images, Instant launched) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        String seen = "nothing";
        while (System.nanoTime() < deadline) {
            String page = get(http, base + "/gallery").body();
            Matcher count = GALLERY_COUNT.matcher(page);
            if (count.find()) {
                seen = count.group(1);
                if (Integer.parseInt(seen) >= images) {
                    return Figures.seconds(Duration.between(launched, Instant.now()));
                }
            }
            BenchPipeline.pause(Duration.ofSeconds(1));
        }
        throw new IllegalStateException("the gallery still shows " + seen + " of " + images + " images after 3 min");
    }

    /**
     * The pages timed are the full ones, not an error or a half-read state: the overview counts the products the seed
     * put at the gate and in the dead letters, and the first gallery page holds 60 cards.
     */
    private static void checkPages(HttpClient http, String base, int products) throws Exception {
        String overview = get(http, base + "/").body();
        long awaiting = expected(products, 0);
        long deadLettered = expected(products, 2);
        String shown = "awaiting review " + figure(overview, "count-awaiting-review") + ", dead-lettered "
                + figure(overview, "count-dead-lettered");
        if (!shown.equals("awaiting review " + awaiting + ", dead-lettered " + deadLettered)) {
            throw new IllegalStateException("the overview shows " + shown + ", expected " + awaiting + " and "
                    + deadLettered);
        }
        int cards = get(http, base + "/gallery").body().split("data-testid=\"card\"", -1).length - 1;
        if (cards != Math.min(60, products)) {
            throw new IllegalStateException("the first gallery page shows " + cards + " cards, expected 60");
        }
        System.out.printf("[console] overview: %s; first gallery page: %d cards%n", shown, cards);
    }

    /** How many of the products 1..products have {@code id % 20 == kind}. */
    private static long expected(int products, int kind) {
        return java.util.stream.LongStream.rangeClosed(1, products).filter(id -> id % 20 == kind).count();
    }

    private static String figure(String page, String testId) {
        Matcher matcher = Pattern.compile("data-testid=\"" + testId + "\">([^<]*)<").matcher(page);
        return matcher.find() ? matcher.group(1).strip() : "nothing";
    }

    /** {@code warmup} GETs not counted, then {@code measured} ones, one at a time, each until its last byte. */
    private static List<Duration> time(HttpClient http, String url, int warmup, int measured) throws Exception {
        for (int i = 0; i < warmup; i++) {
            get(http, url);
        }
        List<Duration> times = new ArrayList<>();
        for (int i = 0; i < measured; i++) {
            long started = System.nanoTime();
            get(http, url);
            times.add(Duration.ofNanos(System.nanoTime() - started));
        }
        return times;
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + " answered " + response.statusCode());
        }
        return response;
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
