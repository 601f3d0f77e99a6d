package com.catalogimage.updater.support;

import static io.restassured.RestAssured.given;

import com.catalogimage.contracts.ImageRequest;
import com.catalogimage.contracts.Product;
import com.catalogimage.contracts.QualityVerdict;
import com.catalogimage.contracts.StoredImage;
import com.catalogimage.localstack.dab.DabEmulator;
import com.catalogimage.localstack.testing.DabEmulatorTestResource;
import io.restassured.http.ContentType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Products in the DAB emulator, read and changed through its HTTP API as another client would. */
public final class Catalogs {

    private Catalogs() {
    }

    public static DabEmulator dab() {
        return DabEmulatorTestResource.emulator();
    }

    /** A fresh product without an image. */
    public static long newProduct() {
        return dab().insertProduct("Test Lamp " + UUID.randomUUID(), "A brass desk lamp with a green glass shade.", 1,
                "test", new BigDecimal("19.99"), "");
    }

    public static String imageUrl(long id) {
        return given().get(dab().baseUri() + "/api/Products/Id/" + id + "?$select=Id,ImageUrl")
                .then().statusCode(200).extract().path("value[0].ImageUrl");
    }

    /** Someone else sets an image (an editor, another tool). */
    public static void setImageUrl(long id, String url) {
        given().contentType(ContentType.JSON).header("If-Match", "*").body(Map.of("ImageUrl", url))
                .patch(dab().baseUri() + "/api/Products/Id/" + id).then().statusCode(200);
    }

    public static void delete(long id) {
        given().delete(dab().baseUri() + "/api/Products/Id/" + id).then().statusCode(204);
    }

    /** The catalog's alt text column of a product ({@code null} when it has none). */
    public static String altText(DabEmulator dab, long id) {
        return given().get(dab.baseUri() + "/api/Products/Id/" + id + "?$select=Id,ImageAltText")
                .then().statusCode(200).extract().path("value[0].ImageAltText");
    }

    /** A verdict as the generator's quality check gives it, with this alt text (untrusted model output). */
    public static QualityVerdict verdict(String altText) {
        return new QualityVerdict(QualityVerdict.Outcome.PASSED, true, true, true, true, List.of(), altText,
                "gpt-5-mini", 1200, 80, new BigDecimal("0.00046"), 0);
    }

    /** {@link #storedImage(long)} carrying a quality verdict with this alt text. */
    public static StoredImage storedImage(long id, String altText) {
        StoredImage s = storedImage(id);
        return new StoredImage(s.request(), s.blobName(), s.url(), s.contentType(), s.sizeBytes(), s.sha256(), s.width(),
                s.height(), s.model(), s.storedAt(), verdict(altText));
    }

    /** What the uploader writes for a product: the full public URL of its blob. */
    public static StoredImage storedImage(long id) {
        String requestId = UUID.randomUUID().toString();
        Product product = new Product(id, "Test Lamp", "A brass desk lamp with a green glass shade.", 1, "Lighting", "test");
        ImageRequest request = new ImageRequest(requestId, product, 1, null, ImageRequest.Origin.SCAN, Instant.now());
        String blob = "products/" + id + "/" + requestId + ".png";
        return new StoredImage(request, blob, "http://127.0.0.1:10000/devstoreaccount1/catalog-images/" + blob, "image/png",
                123_456, "0".repeat(64), 1024, 1024, "gpt-image-1-mini", Instant.now());
    }

    /** A restyle's stored image (decision 0031): its request says RESTYLE and names the catalog's image it replaces. */
    public static StoredImage restyleOf(long id, String original) {
        StoredImage s = storedImage(id);
        ImageRequest request = new ImageRequest(s.request().requestId(), s.request().product().withImageUrls(original,
                null), 1, null, ImageRequest.Origin.SCAN, Instant.now(), null, ImageRequest.Mode.RESTYLE);
        return new StoredImage(request, s.blobName(), s.url(), s.contentType(), s.sizeBytes(), s.sha256(), s.width(),
                s.height(), s.model(), s.storedAt());
    }
}
