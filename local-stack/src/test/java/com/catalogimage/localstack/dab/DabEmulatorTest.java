package com.catalogimage.localstack.dab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.catalogimage.localstack.dab.SampleCatalog.Product;
import com.catalogimage.localstack.dab.SampleCatalog.Quirk;
import com.catalogimage.localstack.http.JsonHttpServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The emulator over real HTTP; each test gets a fresh emulator with the sample catalog in memory. */
class DabEmulatorTest {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    private DabEmulator dab;

    record Resp(int status, JsonNode json, HttpHeaders headers) {

        String errorCode() {
            return json.path("error").path("code").asText();
        }

        String errorMessage() {
            return json.path("error").path("message").asText();
        }

        JsonNode value() {
            return json.path("value");
        }
    }

    @BeforeEach
    void start() {
        dab = DabEmulator.start(DabEmulator.Options.inMemory());
    }

    @AfterEach
    void stop() {
        if (dab != null) {
            dab.close();
        }
    }

    // --- helpers ---

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    Resp get(String pathAndQuery, String... headers) {
        return send("GET", pathAndQuery, null, headers);
    }

    Resp send(String method, String pathAndQuery, String body, String... headers) {
        URI uri = pathAndQuery.startsWith("http") ? URI.create(pathAndQuery) : URI.create(dab.baseUri() + pathAndQuery);
        return send(method, uri, body, headers);
    }

    static Resp send(String method, URI uri, String body, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            builder.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body().isEmpty() ? JsonHttpServer.JSON.missingNode()
                    : JsonHttpServer.JSON.readTree(response.body());
            return new Resp(response.statusCode(), json, response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Follows nextLink from the first page; returns every row in order and checks every page's size. */
    List<JsonNode> readAllPages(String firstPage, int pageSize) {
        List<JsonNode> rows = new ArrayList<>();
        String next = firstPage;
        int pages = 0;
        while (next != null) {
            Resp page = get(next);
            assertThat(page.status()).as("page %s", next).isEqualTo(200);
            page.value().forEach(rows::add);
            next = page.json().has("nextLink") ? page.json().get("nextLink").asText() : null;
            if (next != null) {
                assertThat(page.value()).hasSize(pageSize);
                assertThat(next).startsWith(dab.baseUri() + "/api/Products?");
            }
            assertThat(++pages).isLessThan(1000);
        }
        return rows;
    }

    static List<Long> ids(Iterable<JsonNode> rows, String field) {
        return StreamSupport.stream(rows.spliterator(), false).map(r -> r.get(field).asLong()).toList();
    }

    static long countSample(Predicate<Product> predicate) {
        return SampleCatalog.PRODUCTS.stream().filter(predicate).count();
    }

    static void assertEnvelope(Resp resp, int status, String code) {
        assertThat(resp.status()).isEqualTo(status);
        assertThat(resp.json().path("error").path("status").asInt()).isEqualTo(status);
        assertThat(resp.errorCode()).isEqualTo(code);
        assertThat(resp.errorMessage()).isNotBlank();
    }

    // --- paging ---

    @Test
    void pagingFollowsNextLinkThroughEveryRowExactlyOnce() {
        List<JsonNode> rows = readAllPages("/api/Products?$first=7", 7);
        List<Long> ids = ids(rows, "Id");
        assertThat(ids).hasSize(SampleCatalog.PRODUCT_COUNT).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void defaultPageIs100AndMinusOneMeansAll() {
        for (int i = 0; i < 40; i++) {
            dab.insertProduct("Extra " + i, "Extra product " + i, 1, null, BigDecimal.ONE, "");
        }
        Resp first = get("/api/Products");
        assertThat(first.value()).hasSize(100);
        assertThat(first.json().get("nextLink").asText()).contains("$after=");
        Resp all = get("/api/Products?$first=-1");
        assertThat(all.value()).hasSize(SampleCatalog.PRODUCT_COUNT + 40);
        assertThat(all.json().has("nextLink")).isFalse();
    }

    @Test
    void pagingWithFilterOrderByAndSelectKeepsTheOptionsInNextLink() {
        String filter = enc("ImageUrl eq null or ImageUrl eq ''");
        List<JsonNode> rows = readAllPages("/api/Products?$filter=" + filter + "&$orderby=" + enc("Price desc")
                + "&$select=ProductName,Price&$first=5", 5);
        assertThat(rows).hasSize(SampleCatalog.WITHOUT_IMAGE);
        assertThat(rows).allSatisfy(r -> assertThat(r.size()).isEqualTo(2));
        List<BigDecimal> prices = rows.stream().map(r -> r.get("Price").decimalValue()).toList();
        assertThat(prices).isSortedAccordingTo((a, b) -> b.compareTo(a));
        Resp first = get("/api/Products?$filter=" + filter + "&$first=5");
        assertThat(first.json().get("nextLink").asText()).contains("$filter=").contains("$first=5");
    }

    @Test
    void pagingOnANullableColumnStillVisitsEveryRowOnce() {
        // enough NULL tags that page boundaries fall inside the NULL group in both directions
        for (int i = 0; i < 7; i++) {
            dab.insertProduct("Untagged " + i, "No tags " + i, 2, null, BigDecimal.valueOf(i), "");
        }
        for (String order : List.of("Tags", "Tags desc", "ProductName desc", "CreatedAt desc,Price")) {
            List<JsonNode> rows = readAllPages("/api/Products?$orderby=" + enc(order) + "&$first=4", 4);
            assertThat(ids(rows, "Id")).as(order).hasSize(SampleCatalog.PRODUCT_COUNT + 7).doesNotHaveDuplicates();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"$first=0", "$first=-2", "$first=abc", "$first=100001", "$after=notbase64!",
        "$after=W3siRmllbGROYW1lIjoiUHJpY2UifV0=", "$foo=1", "$select=", "$orderby=Nope", "$orderby=Id%20up"})
    void invalidQueryOptionsAreBadRequests(String query) {
        assertEnvelope(get("/api/Products?" + query), 400, "BadRequest");
    }

    @Test
    void cursorFromAnotherOrderIsRefused() {
        String next = get("/api/Products?$first=2").json().get("nextLink").asText();
        String after = next.substring(next.indexOf("$after=") + 7);
        assertEnvelope(get("/api/Products?$orderby=Price&$after=" + after), 400, "BadRequest");
    }

    // --- $filter ---

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Id eq 4|1",
        "Id ne 4|65",
        "Id gt 60|6",
        "Id ge 60|7",
        "Id lt 10|9",
        "Id le 10|10",
        "Id le 10 and Id gt 5|5",
        "Id eq 1 or Id eq 2 or Id eq 66|3",
        "not (Id le 60)|6",
        "not Id le 60|6",
        "(Id lt 3 or Id gt 64) and Id ne 66|3",
        "Tags eq null|1",
        "Tags ne null|65",
        "true|66",
        "false|0"})
    void filterOperators(String filter, int expected) {
        Resp resp = get("/api/Products?$first=-1&$filter=" + enc(filter));
        assertThat(resp.status()).isEqualTo(200);
        assertThat(resp.value()).hasSize(expected);
    }

    @Test
    void filtersAgreeWithTheSampleData() {
        assertThat(get("/api/Products?$first=-1&$filter=" + enc("Price gt 100")).value())
                .hasSize((int) countSample(p -> p.price().compareTo(BigDecimal.valueOf(100)) > 0));
        assertThat(get("/api/Products?$first=-1&$filter=" + enc("CategoryID eq 4 and Price le 3.29")).value())
                .hasSize((int) countSample(p -> p.category().equals("Candy")
                        && p.price().compareTo(new BigDecimal("3.29")) <= 0));
    }

    @Test
    void productsWithoutImageAreExactlyTheOnesWithEmptyImageUrl() {
        dab.insertProduct("Fresh product", "Just added", 2, "new", BigDecimal.TEN, "");
        Resp resp = get("/api/Products?$first=-1&$select=Id,ImageUrl&$filter=" + enc("ImageUrl eq null or ImageUrl eq ''"));
        assertThat(resp.value()).hasSize(SampleCatalog.WITHOUT_IMAGE + 1);
        Set<Long> expected = new HashSet<>();
        SampleCatalog.PRODUCTS.stream().filter(p -> !p.hasImage()).forEach(p -> expected.add(SampleCatalog.idOf(p)));
        expected.add((long) SampleCatalog.PRODUCT_COUNT + 1);
        assertThat(new HashSet<>(ids(resp.value(), "Id"))).isEqualTo(expected);
        assertThat(resp.value()).allSatisfy(r -> assertThat(r.get("ImageUrl").asText()).isEmpty());
    }

    @Test
    void stringLiteralsHandleEscapedQuotesAndNonLatinText() {
        Resp shirt = get("/api/Products?$filter=" + enc("ProductName eq 'Men''s \"Classic\" Oxford Shirt'"));
        assertThat(shirt.value()).hasSize(1);
        assertThat(shirt.value().get(0).get("ProductName").asText()).isEqualTo("Men's \"Classic\" Oxford Shirt");
        assertThat(get("/api/Products?$filter=" + enc("ProductName eq '抹茶チョコレート'")).value()).hasSize(1);
        assertThat(get("/api/Products?$filter=" + enc("ProductName eq 'Salt/Pepper Grinder Set'")).value()).hasSize(1);
    }

    @Test
    void injectionInALiteralIsJustAString() {
        Resp resp = get("/api/Products?$filter=" + enc("ProductName eq 'x'' or 1=1; DROP TABLE Products; --'"));
        assertThat(resp.status()).isEqualTo(200);
        assertThat(resp.value()).isEmpty();
        assertThat(get("/api/Products?$first=-1").value()).hasSize(SampleCatalog.PRODUCT_COUNT);
    }

    @Test
    void badFiltersAreBadRequestsWithDabMessages() {
        Resp unknown = get("/api/Products?$filter=" + enc("Foo eq 1"));
        assertEnvelope(unknown, 400, "BadRequest");
        assertThat(unknown.errorMessage()).contains("Foo");
        assertEnvelope(get("/api/Products?$filter=" + enc("Price gt")), 400, "BadRequest");
        assertEnvelope(get("/api/Products?$filter=" + enc("ProductName eq 'open")), 400, "BadRequest");
        assertEnvelope(get("/api/Products?$filter=" + enc("Price eq 'cheap'")), 400, "BadRequest");
    }

    // --- $select / $orderby ---

    @Test
    void selectReturnsOnlyTheChosenFields() {
        Resp resp = get("/api/Products?$select=Id,ProductName&$first=3");
        assertThat(resp.value()).hasSize(3).allSatisfy(r ->
                assertThat(r.fieldNames()).toIterable().containsExactly("Id", "ProductName"));
        Resp bad = get("/api/Products?$select=Id,Foo");
        assertEnvelope(bad, 400, "BadRequest");
        assertThat(bad.errorMessage()).isEqualTo("Invalid field to be returned requested: Foo");
    }

    @Test
    void orderBySortsWithTheKeyAsTieBreaker() {
        Resp resp = get("/api/Products?$first=-1&$orderby=" + enc("CategoryID desc,Price"));
        List<JsonNode> rows = new ArrayList<>();
        resp.value().forEach(rows::add);
        assertThat(rows).hasSize(SampleCatalog.PRODUCT_COUNT);
        for (int i = 1; i < rows.size(); i++) {
            JsonNode a = rows.get(i - 1);
            JsonNode b = rows.get(i);
            int byCategory = Integer.compare(b.get("CategoryID").asInt(), a.get("CategoryID").asInt());
            int byPrice = a.get("Price").decimalValue().compareTo(b.get("Price").decimalValue());
            int byId = Long.compare(a.get("Id").asLong(), b.get("Id").asLong());
            assertThat(byCategory < 0 || byCategory == 0 && (byPrice < 0 || byPrice == 0 && byId < 0))
                    .as("row %d before row %d", i - 1, i).isTrue();
        }
        assertEnvelope(get("/api/Products?$orderby=Foo"), 400, "BadRequest");
    }

    // --- by key ---

    @Test
    void getByKeyReturnsTheRowAsDabWritesIt() {
        Resp resp = get("/api/Products/Id/4");
        assertThat(resp.status()).isEqualTo(200);
        JsonNode row = resp.value().get(0);
        assertThat(row.get("ProductName").asText()).isEqualTo("Chocolate Bar");
        assertThat(row.get("CategoryID").asInt()).isEqualTo(4);
        assertThat(row.get("Price").isNumber()).isTrue();
        assertThat(row.get("Price").decimalValue()).isEqualByComparingTo("2.49");
        assertThat(row.get("CreatedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{7}");
        assertThat(get("/api/Products/Id/4?$select=ImageUrl").value().get(0).fieldNames())
                .toIterable().containsExactly("ImageUrl");
    }

    @Test
    void getByMissingKeyIsAnEmptyValueNotA404() {
        Resp resp = get("/api/Products/Id/99999");
        assertThat(resp.status()).isEqualTo(200);
        assertThat(resp.value()).isEmpty();
    }

    @Test
    void malformedKeyRoutes() {
        assertEnvelope(get("/api/Products/Id/abc"), 400, "BadRequest");
        assertEnvelope(get("/api/Products/Id"), 400, "BadRequest");
        assertEnvelope(get("/api/Products/ProductName/x"), 404, "EntityNotFound");
    }

    // --- writes ---

    @Test
    void patchWithIfMatchUpdatesAnExistingRowOnly() {
        Resp ok = send("PATCH", "/api/Products/Id/9", "{\"ImageUrl\":\"https://blob/x.png\"}", "If-Match", "*");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.value().get(0).get("ImageUrl").asText()).isEqualTo("https://blob/x.png");
        assertThat(ok.value().get(0).get("ProductName").asText()).isEqualTo("Wireless Gamer Mouse");
        assertThat(get("/api/Products/Id/9").value().get(0).get("ImageUrl").asText()).isEqualTo("https://blob/x.png");
        assertThat(dab.stats().imageWrites(9)).isEqualTo(1);

        Resp missing = send("PATCH", "/api/Products/Id/99999", "{\"ImageUrl\":\"u\"}", "If-Match", "*");
        assertEnvelope(missing, 404, "EntityNotFound");
        assertThat(dab.stats().imageWritesByProduct()).containsOnlyKeys(9L);
    }

    @Test
    void patchWithoutIfMatchIsAnUpsert() {
        Resp ok = send("PATCH", "/api/Products/Id/5", "{\"Price\":99.5,\"Tags\":null}");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.value().get(0).get("Price").decimalValue()).isEqualByComparingTo("99.50");
        assertThat(ok.value().get(0).get("Tags").isNull()).isTrue();
        assertThat(dab.stats().totalImageWrites()).isZero();
        // inserting with the key from the URL hits the identity column, as on SQL Server
        assertEnvelope(send("PATCH", "/api/Products/Id/99999", "{\"ImageUrl\":\"u\"}"), 400,
                "DatabaseOperationFailed");
        assertThat(get("/api/Products/Id/99999").value()).isEmpty();
    }

    @Test
    void strictBodiesRefuseUnknownFieldsAndTheKey() {
        assertEnvelope(send("PATCH", "/api/Products/Id/5", "{\"Foo\":1}", "If-Match", "*"), 400, "BadRequest");
        assertEnvelope(send("PATCH", "/api/Products/Id/5", "{\"Id\":5,\"Price\":1}", "If-Match", "*"), 400,
                "BadRequest");
        assertEnvelope(send("PATCH", "/api/Products/Id/5", "{\"ImageUrl\":null}"), 400, "BadRequest");
        assertEnvelope(send("PATCH", "/api/Products/Id/5", "{\"Price\":\"cheap\"}"), 400, "BadRequest");
        assertEnvelope(send("PATCH", "/api/Products/Id/5", "{not json"), 400, "BadRequest");
        assertEnvelope(send("PATCH", "/api/Products/Id/5", "[{\"Price\":1}]"), 400, "BadRequest");
        assertThat(get("/api/Products/Id/5").value().get(0).get("Price").decimalValue()).isEqualByComparingTo("129");
    }

    @Test
    void lenientBodiesIgnoreUnknownFields() {
        dab.close();
        dab = DabEmulator.start(DabEmulator.Options.inMemory().withRequestBodyStrict(false));
        Resp resp = send("PATCH", "/api/Products/Id/5", "{\"Foo\":1,\"Price\":7}", "If-Match", "*");
        assertThat(resp.status()).isEqualTo(200);
        assertThat(resp.value().get(0).get("Price").decimalValue()).isEqualByComparingTo("7");
    }

    @Test
    void putReplacesAndNeedsEveryRequiredField() {
        assertEnvelope(send("PUT", "/api/Products/Id/5", "{\"Price\":1}", "If-Match", "*"), 400, "BadRequest");
        Resp ok = send("PUT", "/api/Products/Id/5", "{\"ProductName\":\"P\",\"Description\":\"D\",\"CategoryID\":2,"
                + "\"Price\":3,\"ImageUrl\":\"\"}", "If-Match", "*");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.value().get(0).get("Tags").isNull()).isTrue();
    }

    @Test
    void postInsertsAndPointsAtTheNewRow() {
        Resp created = send("POST", "/api/Products", "{\"ProductName\":\"Lamp\",\"Description\":\"Floor lamp\","
                + "\"CategoryID\":3,\"Tags\":\"light\",\"Price\":45.5,\"ImageUrl\":\"\"}");
        assertThat(created.status()).isEqualTo(201);
        long id = created.value().get(0).get("Id").asLong();
        assertThat(id).isEqualTo(SampleCatalog.PRODUCT_COUNT + 1);
        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(location).isEqualTo(dab.baseUri() + "/api/Products/Id/" + id);
        assertThat(get(location).value().get(0).get("ProductName").asText()).isEqualTo("Lamp");
        assertEnvelope(send("POST", "/api/Products", "{\"Id\":1,\"ProductName\":\"x\"}"), 400, "BadRequest");
        assertEnvelope(send("POST", "/api/Products", "{\"ProductName\":\"x\"}"), 400, "BadRequest");
        assertEnvelope(send("POST", "/api/Products", "{\"ProductName\":\"x\",\"Description\":\"d\",\"CategoryID\":999,"
                + "\"Price\":1,\"ImageUrl\":\"\"}"), 400, "DatabaseOperationFailed");
    }

    @Test
    void deleteRemovesTheRow() {
        assertThat(send("DELETE", "/api/Products/Id/7", null).status()).isEqualTo(204);
        assertThat(get("/api/Products/Id/7").value()).isEmpty();
        assertEnvelope(send("DELETE", "/api/Products/Id/7", null), 404, "EntityNotFound");
        assertEnvelope(send("PATCH", "/api/Products/Id/7", "{\"ImageUrl\":\"u\"}", "If-Match", "*"), 404,
                "EntityNotFound");
    }

    @Test
    void categoriesAndTheRestPathAreServedToo() {
        Resp categories = get("/api/Categories");
        assertThat(categories.value()).hasSize(SampleCatalog.CATEGORIES.size());
        assertThat(get("/api/Categories/CategoryID/4").value().get(0).get("CategoryName").asText()).isEqualTo("Candy");
        Resp rest = get("/rest/Products?$first=2");
        assertThat(rest.value()).hasSize(2);
        assertThat(rest.json().get("nextLink").asText()).startsWith(dab.baseUri() + "/rest/Products?");
    }

    // --- stored procedures ---

    @Test
    void getProductsReturnsTheSeedShape() {
        Resp all = get("/rest/GetProducts?ProductID=-1");
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.value()).hasSize(SampleCatalog.PRODUCT_COUNT);
        assertThat(get("/rest/GetProducts").value()).hasSize(SampleCatalog.PRODUCT_COUNT);
        JsonNode bar = get("/rest/GetProducts?ProductID=4").value().get(0);
        assertThat(bar.fieldNames()).toIterable().containsExactly("ProductID", "ProductName", "Description",
                "CategoryID", "Tags", "Price", "ImageUrl", "CreatedAt", "CategoryName");
        assertThat(bar.get("ProductID").asInt()).isEqualTo(4);
        assertThat(bar.get("ProductName").asText()).isEqualTo("Chocolate Bar");
        assertThat(bar.get("Description").asText()).isEqualTo("Rich milk chocolate bar, perfect for snacking.");
        assertThat(bar.get("Tags").asText()).isEqualTo("snack,sweet");
        assertThat(bar.get("Price").decimalValue()).isEqualByComparingTo("2.49");
        assertThat(bar.get("CategoryName").asText()).isEqualTo("Candy");
        assertThat(bar.get("ImageUrl").asText()).endsWith("/products/chocolate_bar.jpg");
        assertThat(get("/api/GetProducts?ProductID=99999").value()).isEmpty();
        assertEnvelope(get("/rest/GetProducts?ProductID=abc"), 400, "BadRequest");
        assertEnvelope(get("/rest/GetProducts?$filter=" + enc("ProductID eq 4")), 400, "BadRequest");
    }

    @Test
    void updateProductImageUrlWritesAndAnswers201() {
        Resp resp = send("POST", "/rest/UpdateProductImageUrl",
                "{\"ProductID\":9,\"ImageUrl\":\"https://example.blob.core.windows.net/products/wireless_gamer_mouse.jpg\"}");
        assertThat(resp.status()).isEqualTo(201);
        assertThat(resp.headers().firstValue("Location")).hasValue(dab.baseUri() + "/rest/UpdateProductImageUrl");
        JsonNode row = resp.value().get(0);
        assertThat(row.get("Status").asText()).isEqualTo("success");
        assertThat(row.get("RowsAffected").asInt()).isEqualTo(1);
        assertThat(row.get("ProductID").asInt()).isEqualTo(9);
        assertThat(row.get("ImageUrl").asText()).endsWith("wireless_gamer_mouse.jpg");
        assertThat(get("/rest/GetProducts?ProductID=9").value().get(0).get("ImageUrl").asText())
                .endsWith("wireless_gamer_mouse.jpg");
        assertThat(dab.stats().imageWrites(9)).isEqualTo(1);
    }

    // --- deploy/sql's optional alt text column (005) ---

    @Test
    void theAltTextColumnIsNullableAndWrittenByPatchBesideTheUrl() {
        assertThat(get("/api/Products/Id/9").value().get(0).get("ImageAltText").isNull()).isTrue();
        Resp ok = send("PATCH", "/api/Products/Id/9", "{\"ImageUrl\":\"https://blob/x.png\",\"ImageAltText\":\"Black"
                + " wireless mouse\"}", "If-Match", "*");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(get("/api/Products/Id/9?$select=ImageAltText").value().get(0).get("ImageAltText").asText())
                .isEqualTo("Black wireless mouse");
        assertThat(dab.stats().imageWrites(9)).isEqualTo(1);
        assertThat(dab.stats().writes()).last().satisfies(write -> {
            assertThat(write.method()).isEqualTo("PATCH");
            assertThat(write.path()).isEqualTo("/api/Products/Id/9");
            assertThat(write.body()).isEqualTo("{\"ImageUrl\":\"https://blob/x.png\",\"ImageAltText\":\"Black wireless"
                    + " mouse\"}");
        });
    }

    @Test
    void updateProductImageUrlWritesTheAltTextOnlyWithTheUrl() {
        Resp written = send("POST", "/rest/UpdateProductImageUrl",
                "{\"ProductID\":9,\"ImageUrl\":\"https://blob/m.png\",\"ImageAltText\":\"Black wireless mouse\"}");
        assertThat(written.status()).isEqualTo(201);
        assertThat(written.value().get(0).get("RowsAffected").asInt()).isEqualTo(1);
        assertThat(get("/api/Products/Id/9").value().get(0).get("ImageAltText").asText()).isEqualTo("Black wireless mouse");

        String theirs = "https://editor.example/chair.jpg";
        long id = dab.insertProduct("Chair", "A chair.", 1, null, new BigDecimal("10.00"), theirs);
        Resp refused = send("POST", "/rest/UpdateProductImageUrl",
                "{\"ProductID\":" + id + ",\"ImageUrl\":\"ours\",\"ImageAltText\":\"Our chair\"}");
        assertThat(refused.value().get(0).get("RowsAffected").asInt()).isZero();
        assertThat(get("/api/Products/Id/" + id).value().get(0).get("ImageAltText").isNull())
                .as("the conditional write keeps the other image and writes no alt text for it").isTrue();

        long plain = dab.insertProduct("Stool", "A stool.", 1, null, new BigDecimal("10.00"), "");
        assertThat(send("POST", "/rest/UpdateProductImageUrl", "{\"ProductID\":" + plain + ",\"ImageUrl\":\"u\"}")
                .status()).as("the parameter is optional (NULL)").isEqualTo(201);
        assertThat(get("/api/Products/Id/" + plain).value().get(0).get("ImageAltText").isNull()).isTrue();
    }

    @Test
    void theSourceImageColumnHoldsTheSampleReferencePhotosOnTheSupplierCdn() {
        dab.close();
        dab = DabEmulator.start(DabEmulator.Options.inMemory().withSupplierPhotos("http://127.0.0.1:40123"));
        JsonNode withPhoto = get("/api/Products?$filter=" + enc("SourceImageUrl ne null") + "&$select=Id,SourceImageUrl,ImageUrl")
                .value();
        assertThat(withPhoto).hasSize(SampleCatalog.withSourceImage().size()).hasSize(5);
        for (JsonNode row : withPhoto) {
            assertThat(row.get("SourceImageUrl").asText()).startsWith("http://127.0.0.1:40123/photos/" + row.get("Id").asInt() + ".");
            assertThat(row.get("ImageUrl").asText()).as("reference photos are for products without image").isEmpty();
        }
        assertThat(SampleCatalog.supplierHosted("http://127.0.0.1:40123")).hasSize(3);
        JsonNode restyle = get("/api/Products/Id/10").value().get(0);
        assertThat(restyle.get("ImageUrl").asText()).isEqualTo("http://127.0.0.1:40123/photos/10.jpg");
        assertThat(restyle.get("SourceImageUrl").isNull()).isTrue();
        assertThat(SampleCatalog.WITH_IMAGE).as("the counts keep their meaning")
                .isEqualTo(SampleCatalog.PRODUCTS.stream().filter(Product::hasImage).count());
    }

    @Test
    void withoutTheSourceImageColumnItIsNotExposedAndNamingItIsABadRequest() {
        dab.close();
        dab = DabEmulator.start(DabEmulator.Options.inMemory().withSourceImageColumn(false));
        assertThat(get("/api/Products/Id/6").value().get(0).has("SourceImageUrl")).isFalse();
        assertThat(get("/api/Products/Id/6").value().get(0).has("ImageAltText")).isTrue();
        assertThat(get("/api/Products?$select=Id,SourceImageUrl").status()).isEqualTo(400);
        assertEnvelope(send("PATCH", "/api/Products/Id/9", "{\"SourceImageUrl\":\"u\"}", "If-Match", "*"), 400,
                "BadRequest");
    }

    @Test
    void withoutTheAltTextColumnNamingItIsDabsBadRequestAndNothingIsWritten() {
        dab.close();
        dab = DabEmulator.start(DabEmulator.Options.inMemory().withAltTextColumn(false));
        assertThat(get("/api/Products/Id/9").value().get(0).has("ImageAltText")).isFalse();
        assertEnvelope(send("PATCH", "/api/Products/Id/9", "{\"ImageUrl\":\"u\",\"ImageAltText\":\"a\"}", "If-Match",
                "*"), 400, "BadRequest");
        Resp procedure = send("POST", "/rest/UpdateProductImageUrl",
                "{\"ProductID\":9,\"ImageUrl\":\"u\",\"ImageAltText\":\"a\"}");
        assertEnvelope(procedure, 400, "BadRequest");
        assertThat(procedure.errorMessage()).contains("ImageAltText");
        assertThat(dab.stats().totalImageWrites()).isZero();
        assertThat(send("PATCH", "/api/Products/Id/9", "{\"ImageUrl\":\"u\"}", "If-Match", "*").status())
                .as("the seed's write still works").isEqualTo(200);
    }

    @Test
    void withATokenLifetimeOnlyItsOwnUnexpiredTokensAreAccepted() throws Exception {
        try (DabEmulator entra = DabEmulator.start(DabEmulator.Options.inMemory().withTokenLifetime(Duration.ofSeconds(1)))) {
            URI products = URI.create(entra.baseUri() + "/api/Products?$first=1");
            URI identity = URI.create(entra.identityEnvironment().get("IDENTITY_ENDPOINT")
                    + "?api-version=2019-08-01&resource=api%3A%2F%2Flocal-stack-dab");
            assertThat(send("GET", identity, null).status()).as("without the identity header").isEqualTo(401);
            Resp issued = send("GET", identity, null, "X-IDENTITY-HEADER", EntraTokens.IDENTITY_HEADER);
            assertThat(issued.status()).isEqualTo(200);
            assertThat(issued.json().path("token_type").asText()).isEqualTo("Bearer");
            assertThat(issued.json().path("expires_on").asLong()).isPositive();
            String token = issued.json().path("access_token").asText();

            assertEnvelope(send("GET", products, null), 401, "AuthenticationChallenge");
            assertEnvelope(send("GET", products, null, "Authorization", "Bearer made-up"), 401, "AuthenticationChallenge");
            assertThat(send("GET", products, null, "Authorization", "Bearer " + token).status()).isEqualTo(200);
            Thread.sleep(1_200); // past the token's lifetime
            Resp expired = send("GET", products, null, "Authorization", "Bearer " + token);
            assertEnvelope(expired, 401, "AuthenticationChallenge");
            assertThat(expired.errorMessage()).isEqualTo("The bearer token has expired.");
            assertThat(entra.tokens().orElseThrow().expiredRefusals()).isEqualTo(1);
        }
        assertThat(dab.identityEnvironment()).as("no Entra ID without a lifetime").isEmpty();
    }

    @Test
    void updateProductImageUrlNeverOverwritesAnImage() {
        String theirs = "https://editor.example/chair.jpg";
        long id = dab.insertProduct("Chair", "A chair.", 1, null, new BigDecimal("10.00"), theirs);

        Resp resp = send("POST", "/rest/UpdateProductImageUrl", "{\"ProductID\":" + id + ",\"ImageUrl\":\"ours\"}");

        assertThat(resp.status()).isEqualTo(201);
        JsonNode row = resp.value().get(0);
        assertThat(row.get("Status").asText()).isEqualTo("unchanged");
        assertThat(row.get("RowsAffected").asInt()).isZero();
        assertThat(row.get("ImageUrl").asText()).isEqualTo(theirs);
        assertThat(get("/api/Products/Id/" + id).value().get(0).get("ImageUrl").asText()).isEqualTo(theirs);
        assertThat(dab.stats().imageWrites(id)).isZero();
    }

    @Test
    void updateProductImageUrlTreatsBlanksAsNoImage() {
        long id = dab.insertProduct("Lamp", "A lamp.", 1, null, new BigDecimal("10.00"), "   ");

        Resp resp = send("POST", "/rest/UpdateProductImageUrl", "{\"ProductID\":" + id + ",\"ImageUrl\":\"ours\"}");

        assertThat(resp.value().get(0).get("RowsAffected").asInt()).isEqualTo(1);
        assertThat(resp.value().get(0).get("ImageUrl").asText()).isEqualTo("ours");
    }

    @Test
    void concurrentUpdateProductImageUrlCallsHaveExactlyOneWinner() throws Exception {
        // Threads of their own: the common pool has a single worker on a two-core machine.
        java.util.concurrent.ExecutorService writers = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            raceRounds(writers);
        } finally {
            writers.shutdownNow();
        }
    }

    private void raceRounds(java.util.concurrent.ExecutorService writers) {
        for (int round = 0; round < 20; round++) {
            long id = dab.insertProduct("Race " + round, "Raced.", 1, null, new BigDecimal("1.00"), "");
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<CompletableFuture<Resp>> calls = IntStream.range(0, 8).mapToObj(writer -> CompletableFuture.supplyAsync(
                    () -> {
                        try {
                            go.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return send("POST", "/rest/UpdateProductImageUrl",
                                "{\"ProductID\":" + id + ",\"ImageUrl\":\"writer-" + writer + "\"}");
                    }, writers)).toList();
            go.countDown();
            List<JsonNode> rows = calls.stream().map(CompletableFuture::join).map(r -> r.value().get(0)).toList();

            List<JsonNode> winners = rows.stream().filter(r -> r.get("RowsAffected").asInt() == 1).toList();
            assertThat(winners).as("round " + round).hasSize(1);
            String winner = winners.get(0).get("ImageUrl").asText();
            assertThat(rows).as("every loser is told the winner's image").allSatisfy(r ->
                    assertThat(r.get("ImageUrl").asText()).isEqualTo(winner));
            assertThat(get("/api/Products/Id/" + id).value().get(0).get("ImageUrl").asText()).isEqualTo(winner);
            assertThat(dab.stats().imageWrites(id)).isEqualTo(1);
        }
    }

    @Test
    void updateProductImageUrlOnAnUnknownProductRaisesTheProcedureError() {
        Resp resp = send("POST", "/rest/UpdateProductImageUrl", "{\"ProductID\":99999,\"ImageUrl\":\"u\"}");
        assertEnvelope(resp, 400, "DatabaseOperationFailed");
        assertThat(resp.errorMessage()).isEqualTo("Product not found.");
        assertThat(dab.stats().totalImageWrites()).isZero();
    }

    @Test
    void storedProcedureParametersAreChecked() {
        assertEnvelope(send("POST", "/rest/UpdateProductImageUrl", "{\"ProductID\":9}"), 400, "BadRequest");
        assertEnvelope(send("POST", "/rest/UpdateProductImageUrl", "{\"ProductID\":9,\"ImageUrl\":\"u\",\"x\":1}"),
                400, "BadRequest");
        assertEnvelope(send("POST", "/rest/UpdateProductImageUrl", "{\"ProductID\":\"nine\",\"ImageUrl\":\"u\"}"),
                400, "BadRequest");
        assertEnvelope(send("POST", "/rest/UpdateProductImageUrl", "{\"ProductID\":9,\"ImageUrl\":\""
                + "x".repeat(1500) + "\"}"), 400, "DatabaseOperationFailed");
    }

    @Test
    void wrongMethodsOnStoredProceduresAre405() {
        assertEnvelope(get("/rest/UpdateProductImageUrl"), 405, "BadRequest");
        assertEnvelope(send("POST", "/rest/GetProducts", "{}"), 405, "BadRequest");
        assertEnvelope(send("DELETE", "/rest/GetCategories", null), 405, "BadRequest");
        assertEnvelope(send("OPTIONS", "/api/Products", null), 405, "BadRequest");
    }

    @Test
    void getCategoriesAndInsertProduct() {
        Resp categories = get("/rest/GetCategories");
        assertThat(categories.value()).hasSize(SampleCatalog.CATEGORIES.size());
        assertThat(categories.value().get(3).get("CategoryName").asText()).isEqualTo("Candy");
        Resp inserted = send("POST", "/rest/InsertProduct", "{\"ProductName\":\"Kite\",\"Description\":\"Red kite\","
                + "\"CategoryID\":5,\"Tags\":\"outdoor\",\"Price\":12.5,\"ImageUrl\":\"\"}");
        assertThat(inserted.status()).isEqualTo(201);
        long id = inserted.value().get(0).get("Id").asLong();
        assertThat(get("/rest/GetProducts?ProductID=" + id).value().get(0).get("CategoryName").asText())
                .isEqualTo("Toys");
    }

    // --- errors and auth ---

    @Test
    void unknownEntityIs404AndNamesAreCaseSensitive() {
        Resp resp = get("/api/Foo");
        assertEnvelope(resp, 404, "EntityNotFound");
        assertThat(resp.errorMessage()).isEqualTo("Invalid Entity path: Foo.");
        assertEnvelope(get("/api/products"), 404, "EntityNotFound");
        assertEnvelope(get("/rest/getproducts"), 404, "EntityNotFound");
    }

    @Test
    void bearerAndRoleAreEnforcedWhenConfigured() {
        dab.close();
        dab = DabEmulator.start(DabEmulator.Options.inMemory().withBearerToken("s3cret").withRequiredRole("pipeline"));
        Resp none = get("/api/Products/Id/1");
        assertEnvelope(none, 401, "AuthenticationChallenge");
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertEnvelope(get("/api/Products/Id/1", "Authorization", "Bearer wrong"), 401, "AuthenticationChallenge");
        assertEnvelope(get("/api/Products/Id/1", "Authorization", "Bearer s3cret"), 403, "AuthorizationCheckFailed");
        assertEnvelope(get("/api/Products/Id/1", "Authorization", "Bearer s3cret", "X-MS-API-ROLE", "anonymous"), 403,
                "AuthorizationCheckFailed");
        Resp ok = get("/api/Products/Id/1", "Authorization", "Bearer s3cret", "X-MS-API-ROLE", "pipeline");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.value()).hasSize(1);
        assertThat(get("/admin/stats").status()).isEqualTo(200);
    }

    // --- faults and stats ---

    @Test
    void failNextAnswersNErrorsThenRecovers() {
        dab.faults().failNext(500, null, 3);
        for (int i = 0; i < 3; i++) {
            Resp resp = get("/api/Products/Id/1");
            assertEnvelope(resp, 500, "DatabaseOperationFailed");
        }
        assertThat(get("/api/Products/Id/1").status()).isEqualTo(200);
        assertThat(dab.stats().responses(500)).isEqualTo(3);
        assertThat(get("/admin/stats").status()).isEqualTo(200); // admin is never faulted
    }

    @Test
    void failForIsTimeBounded() {
        dab.faults().failFor(503, "UnexpectedError", Duration.ofMillis(400));
        assertEnvelope(get("/rest/GetCategories"), 503, "UnexpectedError");
        await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(50))
                .until(() -> get("/rest/GetCategories").status() == 200);
    }

    @Test
    void conflictFaultViaAdminRouteOnlyHitsPatch() {
        Resp added = send("POST", "/admin/faults",
                "{\"status\":409,\"code\":\"DatabaseOperationFailed\",\"count\":2,\"methods\":[\"PATCH\"]}");
        assertThat(added.status()).isEqualTo(201);
        assertThat(get("/api/Products/Id/1").status()).isEqualTo(200);
        for (int i = 0; i < 2; i++) {
            Resp resp = send("PATCH", "/api/Products/Id/1", "{\"ImageUrl\":\"u\"}", "If-Match", "*");
            assertEnvelope(resp, 409, "DatabaseOperationFailed");
            assertThat(resp.errorMessage()).containsIgnoringCase("conflict");
        }
        assertThat(send("PATCH", "/api/Products/Id/1", "{\"ImageUrl\":\"u\"}", "If-Match", "*").status()).isEqualTo(200);
        assertThat(dab.stats().imageWrites(1)).isEqualTo(1);
    }

    @Test
    void faultsCanBeLimitedToAPathAndCleared() {
        send("POST", "/admin/faults", "{\"status\":500,\"path\":\"/rest/UpdateProductImageUrl\"}");
        assertThat(get("/admin/faults").json()).hasSize(1);
        assertThat(get("/api/Products/Id/1").status()).isEqualTo(200);
        assertEnvelope(send("POST", "/rest/UpdateProductImageUrl", "{\"ProductID\":1,\"ImageUrl\":\"u\"}"), 500,
                "DatabaseOperationFailed");
        assertThat(send("DELETE", "/admin/faults", null).status()).isEqualTo(204);
        assertThat(send("POST", "/rest/UpdateProductImageUrl", "{\"ProductID\":1,\"ImageUrl\":\"u\"}").status())
                .isEqualTo(201);
    }

    @Test
    void latencyDelaysRequestsUntilCleared() {
        dab.faults().latency(Duration.ofMillis(300));
        long start = System.nanoTime();
        assertThat(get("/api/Products/Id/1").status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        dab.faults().clear();
        start = System.nanoTime();
        get("/api/Products/Id/1");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(300));
    }

    @Test
    void statsCountRequestsAndImageWritesPerProduct() {
        get("/api/Products/Id/1");
        send("POST", "/rest/UpdateProductImageUrl", "{\"ProductID\":9,\"ImageUrl\":\"a\"}");
        send("POST", "/rest/UpdateProductImageUrl", "{\"ProductID\":9,\"ImageUrl\":\"b\"}");
        send("PATCH", "/api/Products/Id/28", "{\"ImageUrl\":\"c\"}", "If-Match", "*");
        send("PATCH", "/api/Products/Id/28", "{\"Price\":1}", "If-Match", "*");
        assertThat(dab.stats().requests("GET")).isEqualTo(1);
        assertThat(dab.stats().requests("POST")).isEqualTo(2);
        assertThat(dab.stats().requests("PATCH")).isEqualTo(2);
        // The second call for 9 finds an image and writes nothing (the conditional procedure): not counted.
        assertThat(dab.stats().imageWritesByProduct()).containsExactly(
                java.util.Map.entry(9L, 1L), java.util.Map.entry(28L, 1L));
        JsonNode json = get("/admin/stats").json();
        assertThat(json.path("imageWrites").path("9").asLong()).isEqualTo(1);
        assertThat(json.path("requests").path("PATCH").asLong()).isEqualTo(2);
        assertThat(send("POST", "/admin/stats/reset", null).status()).isEqualTo(204);
        assertThat(dab.stats().totalRequests()).isZero();
        assertThat(dab.stats().imageWritesByProduct()).isEmpty();
    }

    @Test
    void concurrentRequestsAreServedAndWritesCountedOnce() {
        long[] fresh = IntStream.range(0, 20).mapToLong(i -> dab.insertProduct("Fresh " + i, "Fresh.", 1, null,
                new BigDecimal("1.00"), "")).toArray();
        List<CompletableFuture<Resp>> futures = IntStream.rangeClosed(1, 40).mapToObj(i -> CompletableFuture.supplyAsync(
                () -> i % 2 == 0 ? get("/api/Products?$first=10&$filter=" + enc("Id ge " + i))
                        : send("POST", "/rest/UpdateProductImageUrl", "{\"ProductID\":" + fresh[i / 2]
                        + ",\"ImageUrl\":\"u" + i + "\"}"))).toList();
        List<Resp> results = futures.stream().map(CompletableFuture::join).toList();
        assertThat(results).allSatisfy(r -> assertThat(r.status()).isIn(200, 201));
        assertThat(dab.stats().imageWritesByProduct()).hasSize(20).allSatisfy((id, n) -> assertThat(n).isEqualTo(1));
    }

    // --- admin and Java API ---

    @Test
    void adminProductsInsertAndInsertProductApi() {
        Resp added = send("POST", "/admin/products", "{\"ProductName\":\"Desk\",\"Description\":\"Oak desk\","
                + "\"CategoryID\":3,\"Tags\":\"office\",\"Price\":250,\"ImageUrl\":\"\"}");
        assertThat(added.status()).isEqualTo(201);
        long id = added.json().get("Id").asLong();
        assertThat(get("/api/Products/Id/" + id).value().get(0).get("ProductName").asText()).isEqualTo("Desk");
        long viaJava = dab.insertProduct("Chair", "Oak chair", 3, null, new BigDecimal("80.00"), "");
        assertThat(viaJava).isEqualTo(id + 1);
        assertThat(dab.stats().totalRequests()).isEqualTo(1); // only the GET; admin routes are not counted
        assertEnvelope(send("POST", "/admin/products", "{\"ProductName\":\"x\",\"CategoryID\":999,\"Price\":1}"), 400,
                "BadRequest");
    }

    @Test
    void fileDatabaseKeepsProductsAcrossRestarts(@TempDir Path dir) {
        dab.close();
        String url = "jdbc:h2:file:" + dir.resolve("catalog").toAbsolutePath();
        dab = DabEmulator.start(DabEmulator.Options.inMemory().withJdbcUrl(url));
        long id = dab.insertProduct("Persistent Lamp", "Survives restarts", 3, null, BigDecimal.TEN, "");
        dab.close();
        dab = DabEmulator.start(DabEmulator.Options.inMemory().withJdbcUrl(url));
        assertThat(get("/api/Products/Id/" + id).value().get(0).get("ProductName").asText())
                .isEqualTo("Persistent Lamp");
        assertThat(get("/api/Products?$first=-1").value()).hasSize(SampleCatalog.PRODUCT_COUNT + 1);
    }

    @Test
    void aReopenedCatalogsLocalSupplierPhotosFollowTheCdnsNewPortAndOtherUrlsStay(@TempDir Path dir) {
        dab.close();
        String url = "jdbc:h2:file:" + dir.resolve("catalog").toAbsolutePath();
        dab = DabEmulator.start(DabEmulator.Options.inMemory().withJdbcUrl(url));
        long elsewhere = dab.insertProduct("Supplier Lamp", "From another CDN", 3, null, BigDecimal.TEN,
                "https://cdn.example.com/photos/7.jpg");
        dab.close();
        // filled before the stack started (fault matrix, benchmark): the CDN then gets a free port
        dab = DabEmulator.start(DabEmulator.Options.inMemory().withJdbcUrl(url).withSupplierPhotos("http://127.0.0.1:40999"));
        assertThat(get("/api/Products/Id/6").value().get(0).get("SourceImageUrl").asText())
                .isEqualTo("http://127.0.0.1:40999/photos/6.png");
        assertThat(get("/api/Products/Id/10").value().get(0).get("ImageUrl").asText())
                .isEqualTo("http://127.0.0.1:40999/photos/10.jpg");
        assertThat(get("/api/Products/Id/" + elsewhere).value().get(0).get("ImageUrl").asText())
                .isEqualTo("https://cdn.example.com/photos/7.jpg");
    }

    @Test
    void emptyDatabaseWithoutSampleCatalog() {
        dab.close();
        dab = DabEmulator.start(DabEmulator.Options.inMemory().withSampleCatalog(false));
        assertThat(get("/api/Products").value()).isEmpty();
        assertThat(get("/api/Categories").value()).isEmpty();
    }

    @Nested
    class SampleCatalogContents {

        @Test
        void sizeCategoriesAndImages() {
            assertThat(SampleCatalog.PRODUCT_COUNT).isGreaterThanOrEqualTo(60);
            assertThat(SampleCatalog.CATEGORIES).hasSizeGreaterThanOrEqualTo(6);
            assertThat(SampleCatalog.PRODUCTS).extracting(Product::category)
                    .containsAll(SampleCatalog.CATEGORIES);
            double share = (double) SampleCatalog.WITH_IMAGE / SampleCatalog.PRODUCT_COUNT;
            assertThat(share).isBetween(0.25, 0.45);
            assertThat(get("/api/Products?$first=-1&$filter=" + enc("ImageUrl ne ''")).value())
                    .hasSize(SampleCatalog.WITH_IMAGE);
        }

        @Test
        void seedExamplesKeepTheirIds() {
            assertThat(get("/api/Products/Id/9").value().get(0).get("ProductName").asText())
                    .isEqualTo("Wireless Gamer Mouse");
            assertThat(get("/api/Products/Id/28").value().get(0).get("Description").asText())
                    .isEqualTo("Pair of blue denim jeans, straight fit, laid flat with visible stitching.");
            assertThat(get("/api/Products/Id/1").value().get(0).get("Description").asText())
                    .isEqualTo("Set of kids pajamas with colorful dinosaur prints, neatly folded.");
        }

        @Test
        void awkwardRowsArePresentWithoutImageAndSurviveTheRoundTrip() {
            for (Quirk quirk : Quirk.values()) {
                assertThat(SampleCatalog.withQuirk(quirk)).as(quirk.name()).isNotEmpty()
                        .allSatisfy(p -> assertThat(p.hasImage()).isFalse());
            }
            assertThat(SampleCatalog.withQuirk(Quirk.DUPLICATE)).hasSize(2);
            assertThat(SampleCatalog.withQuirk(Quirk.VAGUE_DESCRIPTION)).hasSizeBetween(2, 3);
            assertThat(SampleCatalog.withQuirk(Quirk.NON_LATIN)).hasSizeGreaterThanOrEqualTo(4);
            assertThat(SampleCatalog.withQuirk(Quirk.LONG_DESCRIPTION).get(0).description().length())
                    .isBetween(900, 1000);
            Product glow = SampleCatalog.withQuirk(Quirk.CONTROL_CHARACTERS).get(0);
            JsonNode row = get("/api/Products/Id/" + SampleCatalog.idOf(glow)).value().get(0);
            assertThat(row.get("ProductName").asText()).isEqualTo(glow.name()).contains("\t");
            assertThat(row.get("Description").asText()).isEqualTo(glow.description()).contains("\u001b[31m", "\u0007",
                    "\u200b");
            Product markup = SampleCatalog.withQuirk(Quirk.MARKUP).get(0);
            assertThat(get("/api/Products/Id/" + SampleCatalog.idOf(markup)).value().get(0).get("Description").asText())
                    .contains("<script>alert(1)</script>");
        }
    }
}
