package com.catalogimage.localstack.supplier;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SupplierPhotosTest {

    static SupplierPhotos cdn;
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() {
        cdn = SupplierPhotos.start(SupplierPhotos.Options.defaults().withMaxProductId(100)
                .withLargeBytes(3L * 1024 * 1024).withSlowDelay(Duration.ofMillis(300)).withPhotoSize(256));
    }

    @AfterAll
    static void stop() {
        cdn.close();
    }

    static HttpResponse<byte[]> get(String pathAndQuery) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(cdn.baseUri() + pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void productPhotosAreDeterministicPngsAndJpegs() throws Exception {
        HttpResponse<byte[]> png = get("/photos/7.png");
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.headers().firstValue("Content-Type")).contains("image/png");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.body()));
        assertThat(image.getWidth()).isEqualTo(256);
        assertThat(get("/photos/7.png").body()).as("same URL, same bytes").isEqualTo(png.body()).isEqualTo(cdn.photo(7, "png"));
        assertThat(get("/photos/8.png").body()).as("another product, another photo").isNotEqualTo(png.body());

        HttpResponse<byte[]> jpg = get("/photos/7.jpg");
        assertThat(jpg.headers().firstValue("Content-Type")).contains("image/jpeg");
        assertThat(jpg.body()).startsWith(0xFF, 0xD8);
        assertThat(cdn.photoUrl(7, "jpg")).isEqualTo(cdn.baseUri() + "/photos/7.jpg");
        assertThat(cdn.requests("/photos/7.png")).isEqualTo(2);
    }

    @Test
    void unknownAndRemovedProductsAre404() throws Exception {
        assertThat(get("/photos/101.png").statusCode()).isEqualTo(404);
        assertThat(get("/photos/0.png").statusCode()).isEqualTo(404);
        assertThat(get("/photos/abc.png").statusCode()).isEqualTo(404);
        cdn.remove(9);
        try {
            assertThat(get("/photos/9.jpg").statusCode()).isEqualTo(404);
        } finally {
            cdn.restore(9);
        }
        assertThat(get("/photos/9.jpg").statusCode()).isEqualTo(200);
    }

    @Test
    void redirectGoesAnywhere() throws Exception {
        String to = "http://169.254.169.254/latest/meta-data/";
        HttpResponse<byte[]> response = get("/redirect?to=" + URLEncoder.encode(to, StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).contains(to);
        assertThat(get("/redirect?status=307&to=/photos/1.png").statusCode()).isEqualTo(307);
    }

    @Test
    void largeIsLargerThanTheBoundWithAndWithoutContentLength() throws Exception {
        HttpResponse<InputStream> sized = HTTP.send(HttpRequest.newBuilder(URI.create(cdn.baseUri() + "/large.png")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(sized.headers().firstValueAsLong("Content-Length")).hasValue(3L * 1024 * 1024);
        try (InputStream in = sized.body()) {
            byte[] head = in.readNBytes(8);
            assertThat(head).startsWith(0x89, 'P', 'N', 'G');
        }
        HttpResponse<byte[]> chunked = get("/large.png?chunked=true");
        assertThat(chunked.headers().firstValue("Content-Length")).isEmpty();
        assertThat(chunked.body()).hasSize(3 * 1024 * 1024);
    }

    @Test
    void slowAnswersAfterItsDelay() throws Exception {
        long start = System.nanoTime();
        HttpResponse<byte[]> response = get("/slow.png?ms=200");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }

    @Test
    void notAnImageIsHtmlAndStatusRoutesAnswerTheirStatus() throws Exception {
        HttpResponse<byte[]> html = get("/not-an-image.png");
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(get("/status/503.png").statusCode()).isEqualTo(503);
        assertThat(get("/status/403").statusCode()).isEqualTo(403);
    }
}
