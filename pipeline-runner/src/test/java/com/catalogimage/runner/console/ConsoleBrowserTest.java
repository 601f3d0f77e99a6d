package com.catalogimage.runner.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.BlobListDetails;
import com.azure.storage.blob.models.ListBlobsOptions;
import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.contracts.ProductStatus.State;
import com.catalogimage.localstack.LocalStack;
import com.catalogimage.localstack.dab.SampleCatalog;
import com.catalogimage.runner.PipelineRunner;
import com.catalogimage.runner.ServiceProcesses.Service;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;

/**
 * The operator console as a person uses it, in Debian's Chromium (headless, through Debian's chromedriver; decision
 * 0021), on one run of the sample catalog through the packaged services with {@code REVIEW_MODE=manual}: log in, the
 * overview's figures against the catalog, the gallery's thumbnails, approve, reject and regenerate, a suggested
 * rewrite of the jeans' refused prompt replayed, what a viewer may not do, the CSRF check, product text shown as text,
 * the keyboard review, the playground (ideas, a preview, a category's template). With
 * {@code -Dconsole.screenshots=true} it saves each page to docs/images/console-*.png (the README shows them).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final boolean SCREENSHOTS = Boolean.getBoolean("console.screenshots");
    static final Duration PIPELINE = Duration.ofSeconds(90);
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @TempDir
    static Path folder;
    static PipelineRunner runner;
    static WebDriver browser;
    static String console;

    @BeforeAll
    static void runTheSampleCatalogWithManualReviewAndOpenABrowser() {
        Map<String, String> environment = new HashMap<>(System.getenv());
        LocalStack.EXTERNAL.values().forEach(variables -> {
            for (String variable : variables.split("\\|")) {
                environment.remove(variable);
            }
        });
        environment.remove("CONSOLE_OPERATOR_PASSWORD");
        environment.remove("CONSOLE_VIEWER_PASSWORD");
        environment.put(PipelineRunner.REVIEW_MODE, "manual");
        runner = PipelineRunner.start(new PipelineRunner.Options(folder, "table", Duration.ofSeconds(5), false, environment));
        runner.services().awaitReady(Duration.ofMinutes(3));
        boolean settled = runner.awaitDrained(Duration.ofMinutes(5), line -> System.out.println("[console] " + line));
        assertThat(settled).as("every product final or awaiting review").isTrue();
        assertThat(runner.board().awaitingReview()).as("products awaiting review").isPositive();
        console = runner.services().url(Service.OPERATOR_CONSOLE);
        browser = chromium();
    }

    /** Debian's Chromium and chromedriver, both by path: Selenium Manager has nothing to find or download. */
    static WebDriver chromium() {
        assertThat(CHROMIUM).as("Debian's chromium (.ci/run installs it)").isExecutable();
        assertThat(CHROMEDRIVER).as("Debian's chromium-driver (.ci/run installs it)").isExecutable();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,900", "--no-first-run", "--no-default-browser-check");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (runner != null) {
            runner.close();
        }
    }

    @Test
    @Order(1)
    void nothingIsAnonymousAndTheOperatorLogsInWithTheRunsPassword() {
        browser.get(console + "/");
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.getCurrentUrl().contains("/login"));
        screenshot("login");
        logIn(browser, "operator", "not-" + runner.operatorPassword());
        assertThat(browser.getCurrentUrl()).as("a wrong password").contains("/login");
        logIn(browser, "operator", runner.operatorPassword());
        assertThat(browser.getCurrentUrl()).doesNotContain("/login");
        assertThat(testId("logout").isDisplayed()).isTrue();
    }

    @Test
    @Order(2)
    void theOverviewsCountsMatchTheCatalogAndTheRunsStatuses() throws Exception {
        browser.get(console + "/");
        Map<Long, JsonNode> catalog = catalog();
        long withImage = catalog.values().stream().filter(row -> !row.path("ImageUrl").asText("").isBlank()).count();
        Map<State, Long> states = runner.board().latest().values().stream()
                .collect(Collectors.groupingBy(ProductStatus::state, Collectors.counting()));
        Map<String, Long> expected = Map.of(
                "count-total", (long) catalog.size(),
                "count-with-image", withImage,
                "count-without-image", catalog.size() - withImage,
                "count-in-flight", 0L,
                "count-awaiting-review", states.getOrDefault(State.AWAITING_REVIEW, 0L),
                "count-skipped", states.getOrDefault(State.SKIPPED, 0L),
                "count-dead-lettered", states.getOrDefault(State.DEAD_LETTERED, 0L));
        // The figures arrive by server-sent events too: wait for the page to show the settled run.
        await().atMost(Duration.ofSeconds(15)).ignoreExceptions().until(() ->
                number(testId("count-awaiting-review").getText()) == expected.get("count-awaiting-review"));
        screenshot("overview");
        await().atMost(Duration.ofSeconds(15)).ignoreExceptions().untilAsserted(() -> {
            Map<String, Long> shown = new java.util.TreeMap<>();
            expected.keySet().forEach(id -> shown.put(id, number(testId(id).getText())));
            assertThat(shown).as("the overview's counts against DAB's rows and the run's statuses")
                    .isEqualTo(new java.util.TreeMap<>(expected));
        });
        assertThat(testId("review-mode").getText()).containsIgnoringCase("manual");
        assertThat(testId("progress").getTagName()).isEqualTo("progress");
        // One row per stage (stage-scanner, stage-generator, ...), each ready.
        await().atMost(Duration.ofSeconds(15)).ignoreExceptions().untilAsserted(() -> {
            browser.navigate().refresh();
            List<WebElement> stages = browser.findElements(By.cssSelector("[data-testid='stages'] [data-testid^='stage-']"));
            assertThat(stages).as("a health row per stage").hasSize(Service.stages().size());
            assertThat(stages).allSatisfy(row -> assertThat(row.getDomAttribute("data-up")).isEqualTo("true"));
        });
    }

    @Test
    @Order(3)
    void theGalleryShowsTheSampleCatalogsImagesAsReadOnlySasThumbnailsThatLoad() {
        Set<Long> awaiting = idsIn(State.AWAITING_REVIEW);
        // The console lists the containers in the background, soon after each image arrives: wait for the listing.
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            browser.get(console + "/gallery");
            return testIds("card").size() == Math.min(60, awaiting.size());
        });
        List<WebElement> cards = testIds("card");
        Set<Long> shown = cards.stream().map(card -> Long.parseLong(card.getDomAttribute("data-product-id")))
                .collect(Collectors.toSet());
        assertThat(shown).as("every image generated in this run is in the gallery").containsAll(awaiting);
        for (WebElement card : cards) {
            WebElement thumb = card.findElement(By.cssSelector("img[data-testid='thumb']"));
            String src = thumb.getDomProperty("src");
            assertThat(src).as("a thumbnail, never the full image").contains(".thumb.jpg")
                    .as("a read-only SAS").contains("sp=r").contains("sig=").doesNotContain("sp=rw");
            js("arguments[0].scrollIntoView({block: 'center'});", thumb);
            await().atMost(Duration.ofSeconds(15)).until(() -> Boolean.TRUE.equals(
                    js("return arguments[0].complete && arguments[0].naturalWidth > 0;", thumb)));
            assertThat(card.findElement(By.cssSelector("[data-testid='product-name']")).getText()).isNotBlank();
        }
        js("window.scrollTo(0, 0);");
        screenshot("gallery");
    }

    @Test
    @Order(4)
    void approvingAnImageWritesItToTheCatalog() throws Exception {
        browser.get(console + "/reviews");
        screenshot("reviews");
        WebElement item = testIds("review-item").get(0);
        long id = Long.parseLong(item.getDomAttribute("data-product-id"));
        assertThat(catalog().get(id).path("ImageUrl").asText("")).isBlank();
        item.findElement(By.cssSelector("[data-testid='approve']")).click();
        awaitCompletedInCatalog(id);
        assertThat(testId("flash").getText()).isNotBlank();
    }

    @Test
    @Order(5)
    void rejectingWithANewPromptRegeneratesAndTheApprovedNewImageCompletes() throws Exception {
        browser.get(console + "/reviews");
        WebElement item = testIds("review-item").get(0);
        long id = Long.parseLong(item.getDomAttribute("data-product-id"));
        String before = runner.board().latest().get(id).requestId();
        WebElement prompt = item.findElement(By.cssSelector("textarea[name='prompt']"));
        prompt.clear();
        prompt.sendKeys("A studio photograph of the product on a plain light grey background, soft shadow, no text.");
        item.findElement(By.cssSelector("[data-testid='regenerate']")).click();
        await().atMost(PIPELINE).pollInterval(Duration.ofMillis(250)).until(() -> {
            ProductStatus latest = runner.board().latest().get(id);
            return latest.state() == State.AWAITING_REVIEW && !latest.requestId().equals(before);
        });
        approveInTheQueue(id);
        awaitCompletedInCatalog(id);
    }

    @Test
    @Order(6)
    void blueDenimJeansGetsASuggestedRewriteIsReplayedAndCompletes() throws Exception {
        long jeans = SampleCatalog.PRODUCTS.stream().filter(p -> p.name().equals("Blue Denim Jeans"))
                .mapToLong(SampleCatalog::idOf).findFirst().orElseThrow();
        assertThat(runner.board().latest().get(jeans).state()).isEqualTo(State.DEAD_LETTERED);
        browser.get(console + "/dead-letters");
        jeansRow(jeans).findElement(By.cssSelector("[data-testid='suggest-rewrite']")).click();
        assertThat(testId("flash").getText()).contains("Rewrite suggested for Blue Denim Jeans");
        WebElement prompt = jeansRow(jeans).findElement(By.cssSelector("textarea[name='prompt']"));
        String suggested = prompt.getDomProperty("value");
        // the chat model kept the product's facts and dropped what the image model's filter refused
        assertThat(suggested).contains("Denim").doesNotContainIgnoringCase("jeans");
        screenshot("dead-letters");
        // the operator accepts the suggestion as it stands
        jeansRow(jeans).findElement(By.cssSelector("[data-testid='replay']")).click();
        assertThat(testId("flash").getText()).contains("Replayed 1");
        await().atMost(PIPELINE).pollInterval(Duration.ofMillis(250))
                .until(() -> runner.board().latest().get(jeans).state() == State.AWAITING_REVIEW);
        approveInTheQueue(jeans);
        awaitCompletedInCatalog(jeans);
    }

    private static WebElement jeansRow(long jeans) {
        return testIds("dead-letter").stream()
                .filter(r -> String.valueOf(jeans).equals(r.getDomAttribute("data-product-id"))).findFirst()
                .orElseThrow(() -> new AssertionError("no dead-letter row for the jeans (#" + jeans + ")"));
    }

    @Test
    @Order(7)
    void aProductNameWithMarkupIsShownAsText() {
        SampleCatalog.Product lamp = SampleCatalog.withQuirk(SampleCatalog.Quirk.MARKUP).get(0);
        browser.get(console + "/products/" + SampleCatalog.idOf(lamp));
        WebElement name = testId("product-name");
        assertThat(name.getText()).isEqualTo(lamp.name()).contains("<b>");
        assertThat(name.findElements(By.tagName("b"))).as("no element made of the product's text").isEmpty();
        assertThat(browser.findElements(By.cssSelector("[data-testid='timeline-entry']"))).isNotEmpty();
        screenshot("product");
    }

    @Test
    @Order(8)
    void aViewerSeesTheQueueButCannotApprove() throws Exception {
        WebDriver viewer = chromium();
        try {
            viewer.get(console + "/login");
            logIn(viewer, "viewer", runner.viewerPassword());
            viewer.get(console + "/reviews");
            List<WebElement> items = viewer.findElements(By.cssSelector("[data-testid='review-item']"));
            assertThat(items).as("the viewer sees the queue").isNotEmpty();
            long id = Long.parseLong(items.get(0).getDomAttribute("data-product-id"));
            assertThat(viewer.findElements(By.cssSelector("[data-testid='approve'], [data-testid='bulk-approve']")))
                    .as("no approve button for a viewer").isEmpty();
            // Even with a valid token and session, the server refuses the viewer's approval.
            String token = viewer.findElement(By.cssSelector("meta[name='csrf-token']")).getDomAttribute("content");
            HttpResponse<String> answer = post(viewer, "/reviews/" + id + "/approve", Map.of("csrf-token", token));
            assertThat(answer.statusCode()).isEqualTo(403);
            assertThat(runner.board().latest().get(id).state()).isEqualTo(State.AWAITING_REVIEW);
        } finally {
            viewer.quit();
        }
    }

    @Test
    @Order(9)
    void aStateChangingRequestWithoutTheCsrfTokenIsRefused() throws Exception {
        browser.get(console + "/reviews");
        long id = Long.parseLong(testIds("review-item").get(0).getDomAttribute("data-product-id"));
        String token = browser.findElement(By.cssSelector("meta[name='csrf-token']")).getDomAttribute("content");
        assertThat(post(browser, "/reviews/" + id + "/approve", Map.of()).statusCode()).as("no token").isEqualTo(403);
        assertThat(post(browser, "/reviews/" + id + "/approve", Map.of("csrf-token", token + "x")).statusCode())
                .as("a wrong token").isEqualTo(403);
        assertThat(runner.board().latest().get(id).state()).isEqualTo(State.AWAITING_REVIEW);
    }

    @Test
    @Order(10)
    void theQueueIsReviewedFromTheKeyboard() throws Exception {
        browser.get(console + "/reviews");
        List<WebElement> items = testIds("review-item");
        assertThat(items).hasSizeGreaterThanOrEqualTo(2);
        String first = items.get(0).getDomAttribute("data-product-id");
        String second = items.get(1).getDomAttribute("data-product-id");
        Actions keys = new Actions(browser);
        keys.sendKeys("j").perform();
        assertThat(focusedProduct()).as("j: the first item").isEqualTo(first);
        keys.sendKeys("j").perform();
        assertThat(focusedProduct()).as("j: the next item").isEqualTo(second);
        keys.sendKeys("k").perform();
        assertThat(focusedProduct()).as("k: the previous item").isEqualTo(first);
        keys.sendKeys("g").perform();
        assertThat(js("return document.activeElement.name + ' ' + document.activeElement.closest("
                + "'[data-testid=\"review-item\"]').dataset.productId;")).as("g: the item's regenerate prompt")
                .isEqualTo("prompt " + first);
        keys.sendKeys(Keys.ESCAPE).sendKeys("a").perform();
        awaitCompletedInCatalog(Long.parseLong(first));
    }

    @Test
    @Order(20)
    void thePlaygroundSuggestsTemplatesPreviewsOneOnAProductAndMakesItTheCategorysTemplate() {
        browser.get(console + "/playground");
        String category = browser.findElements(By.cssSelector("[data-testid='category'] option")).stream()
                .map(option -> option.getDomAttribute("value")).filter(value -> value != null && !value.isBlank())
                .findFirst().orElseThrow(() -> new AssertionError("no category on the playground"));
        browser.get(console + "/playground?category=" + URLEncoder.encode(category, StandardCharsets.UTF_8));
        testId("suggest").click();
        await().atMost(Duration.ofSeconds(60)).until(() -> !testIds("idea").isEmpty()
                || !testIds("ideas-message").isEmpty());
        assertThat(testIds("ideas-message")).as("no failure message").isEmpty();
        List<WebElement> ideas = testIds("idea");
        assertThat(ideas).as("the chat model's ideas").isNotEmpty();
        assertThat(ideas).allSatisfy(idea -> {
            assertThat(idea.findElement(By.cssSelector("[data-testid='idea-name']")).getText()).isNotBlank();
            assertThat(idea.findElement(By.cssSelector("[data-testid='idea-style']")).getText()).isNotBlank();
        });
        // Preview on one product only: each preview is a paid image call.
        List<WebElement> products = testIds("preview-product");
        assertThat(products).as("the category's products with an image").isNotEmpty();
        for (int i = 0; i < products.size(); i++) {
            if (products.get(i).isSelected() != (i == 0)) {
                products.get(i).click();
            }
        }
        WebElement idea = ideas.get(0);
        WebElement template = idea.findElement(By.cssSelector("[data-testid='template-input']"));
        template.sendKeys(Keys.chord(Keys.CONTROL, Keys.END), ", soft daylight");
        String edited = template.getDomProperty("value");
        assertThat(edited).contains("{name}");
        idea.findElement(By.cssSelector("[data-testid='preview']")).click();
        await().atMost(Duration.ofSeconds(90)).until(() -> !idea.findElements(By.cssSelector(
                "[data-testid='preview-image'], [data-testid='preview-error']")).isEmpty());
        assertThat(idea.findElements(By.cssSelector("[data-testid='preview-error']"))).as("no preview refused").isEmpty();
        WebElement image = idea.findElement(By.cssSelector("[data-testid='preview-image'] img"));
        assertThat(image.getDomAttribute("src")).contains("/products-preview/", "sp=r");
        await().atMost(Duration.ofSeconds(30)).until(() -> ((Number) js("return arguments[0].naturalWidth;", image))
                .intValue() > 0);
        screenshot("playground");

        idea.findElement(By.cssSelector("[data-testid='make-template']")).click();
        await().atMost(Duration.ofSeconds(30)).until(() -> !testIds("flash").isEmpty());
        assertThat(testId("flash").getText()).contains("Published");
        assertThat(testIds("template-row")).anySatisfy(row -> {
            assertThat(row.getDomAttribute("data-category")).isEqualTo(category);
            assertThat(row.findElement(By.cssSelector("[data-testid='template-text']")).getText())
                    .startsWith(edited.strip().lines().findFirst().orElseThrow()).endsWith(", soft daylight");
        });
    }

    /**
     * Issue 14's variants: the generator restarted with {@code IMAGE_VARIANTS=3} (the rest of the run made one image a
     * call, which the other tests count on), a product regenerated from the queue comes back with three images, each with
     * its own "Publish this one"; the reviewer publishes the third, and only that one reaches the public container and
     * the catalog, the other two stay in the review container.
     */
    @Test
    @Order(30)
    void aReviewerPublishesTheThirdOfThreeVariantsAndOnlyThatOneIsPublic() throws Exception {
        runner.services().restart(Service.IMAGE_GENERATOR, Map.of("IMAGE_VARIANTS", "3"));
        runner.services().awaitReady(Duration.ofMinutes(2));
        browser.get(console + "/reviews");
        WebElement first = testIds("review-item").get(0);
        long id = Long.parseLong(first.getDomAttribute("data-product-id"));
        String before = runner.board().latest().get(id).requestId();
        first.findElement(By.cssSelector("[data-testid='regenerate']")).click();
        await().atMost(PIPELINE).pollInterval(Duration.ofMillis(250)).until(() -> {
            ProductStatus latest = runner.board().latest().get(id);
            return latest.state() == State.AWAITING_REVIEW && !latest.requestId().equals(before);
        });
        String requestId = runner.board().latest().get(id).requestId();
        String item = "[data-testid='review-item'][data-product-id='" + id + "']";
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> {
            browser.get(console + "/reviews");
            return browser.findElements(By.cssSelector(item + " [data-testid='publish-variant']")).size() == 3;
        });
        List<WebElement> images = browser.findElements(By.cssSelector(item + " [data-testid='choice'] img"));
        assertThat(images).hasSize(3);
        for (WebElement image : images) {
            assertThat(image.getDomProperty("src")).as("a read-only SAS").contains("sp=r").doesNotContain("sp=rw");
            js("arguments[0].scrollIntoView({block: 'center'});", image);
            await().atMost(Duration.ofSeconds(15)).until(() -> Boolean.TRUE.equals(
                    js("return arguments[0].complete && arguments[0].naturalWidth > 0;", image)));
        }
        screenshot("variants");

        WebElement third = browser.findElement(By.cssSelector(item + " [data-testid='publish-variant'][data-variant='2']"));
        js("arguments[0].scrollIntoView({block: 'center'});", third);
        third.click();
        awaitCompletedInCatalog(id);

        BlobServiceClient storage = new BlobServiceClientBuilder()
                .connectionString(runner.stack().azurite().connectionString()).buildClient();
        List<BlobItem> published = blobsOf(storage.getBlobContainerClient("products"), id, requestId);
        List<BlobItem> inReview = blobsOf(storage.getBlobContainerClient("products-review"), id, requestId);
        assertThat(published).as("one image of the call is public").singleElement().satisfies(blob -> {
            assertThat(blob.getMetadata()).containsEntry("variant", "2");
            assertThat(catalog().get(id).path("ImageUrl").asText()).endsWith("/products/" + blob.getName());
        });
        assertThat(inReview).as("the call's three images stay in the review container").hasSize(3);
        Set<String> publicBytes = storage.getBlobContainerClient("products").listBlobs().stream()
                .filter(blob -> !blob.getName().endsWith(".thumb.jpg"))
                .map(blob -> sha256(storage.getBlobContainerClient("products").getBlobClient(blob.getName())
                        .downloadContent().toBytes())).collect(Collectors.toSet());
        String picked = sha256(storage.getBlobContainerClient("products").getBlobClient(published.get(0).getName())
                .downloadContent().toBytes());
        for (BlobItem other : inReview) {
            String bytes = sha256(storage.getBlobContainerClient("products-review").getBlobClient(other.getName())
                    .downloadContent().toBytes());
            if (!"2".equals(other.getMetadata().get("variant"))) {
                assertThat(bytes.equals(picked) || !publicBytes.contains(bytes))
                        .as("image %s of the call is not public", other.getName()).isTrue();
            }
        }
        runner.services().restart(Service.IMAGE_GENERATOR, Map.of("IMAGE_VARIANTS", "1"));
    }

    /** The images (not thumbnails) a container holds for one request of the product, by the uploader's metadata. */
    private static List<BlobItem> blobsOf(BlobContainerClient container, long productId, String requestId) {
        return container.listBlobs(new ListBlobsOptions().setDetails(new BlobListDetails().setRetrieveMetadata(true)),
                null).stream().filter(blob -> !blob.getName().endsWith(".thumb.jpg") && blob.getMetadata() != null
                        && String.valueOf(productId).equals(blob.getMetadata().get("productid"))
                        && requestId.equals(blob.getMetadata().get("requestid"))).toList();
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String focusedProduct() {
        return (String) js("const item = document.activeElement.closest('[data-testid=\"review-item\"]');"
                + " return item ? item.dataset.productId : null;");
    }

    // --- steps ----------------------------------------------------------------------------------------------------

    static void logIn(WebDriver driver, String user, String password) {
        if (!driver.getCurrentUrl().contains("/login")) {
            driver.get(console + "/login");
        }
        driver.findElement(By.name("j_username")).sendKeys(user);
        WebElement field = driver.findElement(By.name("j_password"));
        field.sendKeys(password);
        field.submit();
        await().atMost(Duration.ofSeconds(10)).until(() -> !driver.getCurrentUrl().endsWith("/j_security_check"));
    }

    /** Finds the product in the review queue (it may take a moment to arrive) and approves it. */
    static void approveInTheQueue(long id) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> {
            browser.get(console + "/reviews");
            return !browser.findElements(By.cssSelector("[data-testid='review-item'][data-product-id='" + id + "']"))
                    .isEmpty();
        });
        browser.findElement(By.cssSelector("[data-testid='review-item'][data-product-id='" + id + "'] [data-testid='approve']"))
                .click();
    }

    static void awaitCompletedInCatalog(long id) {
        await().atMost(PIPELINE).pollInterval(Duration.ofMillis(250)).ignoreExceptions().until(() ->
                runner.board().latest().get(id).state() == State.COMPLETED
                        && catalog().get(id).path("ImageUrl").asText("").startsWith(
                                runner.stack().azurite().blobEndpoint() + "/products/"));
    }

    /** A form POST, outside the browser, carrying the browser's cookies (session and CSRF cookie) and this form. */
    static HttpResponse<String> post(WebDriver driver, String path, Map<String, String> form) throws Exception {
        String cookies = driver.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return HTTP.send(HttpRequest.newBuilder(URI.create(console + path))
                .header("Cookie", cookies)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static Map<Long, JsonNode> catalog() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                URI.create(runner.stack().dab().baseUri() + "/api/Products?%24first=-1")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        Map<Long, JsonNode> rows = new HashMap<>();
        JSON.readTree(response.body()).path("value").forEach(row -> rows.put(row.path("Id").asLong(), row));
        return rows;
    }

    static Set<Long> idsIn(State state) {
        return runner.board().latest().values().stream().filter(s -> s.state() == state).map(ProductStatus::productId)
                .collect(Collectors.toSet());
    }

    static WebElement testId(String id) {
        return browser.findElement(By.cssSelector("[data-testid='" + id + "']"));
    }

    static List<WebElement> testIds(String id) {
        return browser.findElements(By.cssSelector("[data-testid='" + id + "']"));
    }

    static long number(String text) {
        return Long.parseLong(text.replaceAll("[^0-9]", ""));
    }

    static Object js(String script, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(script, arguments);
    }

    /** With -Dconsole.screenshots=true: the page as it is now, to docs/images/console-{name}.png. */
    static void screenshot(String name) {
        if (!SCREENSHOTS) {
            return;
        }
        try {
            Path file = PipelineRunner.repository().resolve("docs/images/console-" + name + ".png");
            Files.createDirectories(file.getParent());
            Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            System.out.println("[console] screenshot " + file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
