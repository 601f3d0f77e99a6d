package com.catalogimage.generator.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The guarded fetch against a real local HTTP server: what it fetches, and every way it refuses (SSRF). */
class ReferencePhotosTest {

    private static final byte[] PNG = Arrays.copyOf(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'},
            64);
    private static final byte[] JPEG = Arrays.copyOf(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0},
            64);
    private static final int MAX_BYTES = 10_000;

    private static HttpServer server;
    private static Vertx vertx;
    private static int port;
    private static final CountDownLatch release = new CountDownLatch(1);

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/photo.png", exchange -> send(exchange, 200, "image/png", PNG));
        server.createContext("/photo.jpg", exchange -> send(exchange, 200, "image/jpeg", JPEG));
        server.createContext("/not-an-image.png", exchange -> send(exchange, 200, "image/png",
                "<html>no</html>".getBytes(StandardCharsets.UTF_8)));
        server.createContext("/large.png", exchange -> send(exchange, 200, "image/png", Arrays.copyOf(PNG, MAX_BYTES + 1)));
        server.createContext("/large-chunked.png", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "image/png");
            exchange.sendResponseHeaders(200, 0); // chunked: no Content-Length to refuse by
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(PNG);
                for (int i = 0; i < 100; i++) {
                    out.write(new byte[1000]);
                }
            } catch (IOException reset) {
                // the client stopped reading, as it should
            }
        });
        server.createContext("/slow.png", exchange -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            send(exchange, 200, "image/png", PNG);
        });
        server.createContext("/missing.png", exchange -> send(exchange, 404, "text/plain", new byte[0]));
        server.createContext("/broken.png", exchange -> send(exchange, 503, "text/plain", new byte[0]));
        server.createContext("/redirect", exchange -> {
            String to = exchange.getRequestURI().getQuery().substring("to=".length());
            exchange.getResponseHeaders().set("Location", to);
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.start();
        port = server.getAddress().getPort();
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() {
        release.countDown();
        server.stop(0);
        vertx.close();
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
    }

    private static ReferencePhotos photos(List<String> hosts, boolean privateAddresses) {
        return new ReferencePhotos(vertx, new ReferencePhotos.Rules(hosts, privateAddresses, MAX_BYTES,
                Duration.ofSeconds(2), 2));
    }

    /** The test server is on loopback: allowed here as the local stack allows it. */
    private static ReferencePhotos local() {
        return photos(List.of("127.0.0.1:" + port), true);
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private static void refused(ReferencePhotos photos, String url, String why) {
        assertThatThrownBy(() -> photos.fetch(url)).isInstanceOf(ReferencePhotos.Refused.class)
                .hasMessageStartingWith("reference photo refused: ").hasMessageContaining(why);
    }

    @Test
    void aPngOrJpegFromAnAllowedHostIsFetchedWithItsTypeFromItsBytes() {
        ReferencePhotos.Photo png = local().fetch(url("/photo.png"));
        assertThat(png.bytes()).isEqualTo(PNG);
        assertThat(png.contentType()).isEqualTo("image/png");
        assertThat(png.filename()).isEqualTo("reference.png");
        ReferencePhotos.Photo jpeg = local().fetch(url("/photo.jpg"));
        assertThat(jpeg.contentType()).isEqualTo("image/jpeg");
        assertThat(jpeg.filename()).isEqualTo("reference.jpg");
    }

    @Test
    void otherSchemesThanHttpAndHttpsAreRefused() {
        refused(local(), "file:///etc/passwd", "only http and https");
        refused(local(), "ftp://127.0.0.1:" + port + "/photo.png", "only http and https");
        refused(local(), "jar:file:/tmp/a.jar!/photo.png", "only http and https");
        refused(local(), "http://user:secret@127.0.0.1:" + port + "/photo.png", "user info");
    }

    @Test
    void aHostNotConfiguredIsRefused() {
        refused(local(), "http://localhost:" + port + "/photo.png", "host localhost:" + port
                + " is not in REFERENCE_PHOTO_HOSTS");
        refused(photos(List.of("127.0.0.1:1"), true), url("/photo.png"), "not in REFERENCE_PHOTO_HOSTS");
        assertThat(photos(List.of("127.0.0.1"), true).fetch(url("/photo.png")).bytes()).as("a host without a port: any")
                .isEqualTo(PNG);
        refused(photos(List.of(), true), url("/photo.png"), "no REFERENCE_PHOTO_HOSTS configured");
    }

    @Test
    void linkLocalAddressesAreRefusedWhateverTheSetting() {
        refused(photos(List.of("169.254.169.254"), true), "http://169.254.169.254/latest/meta-data/", "link-local");
        refused(photos(List.of("[fe80::1]"), true), "http://[fe80::1]/", "link-local");
        // a harmless-looking allowed name that resolves to the metadata endpoint
        ReferencePhotos rebound = new ReferencePhotos(vertx, new ReferencePhotos.Rules(List.of("photos.example.com"),
                true, MAX_BYTES, Duration.ofSeconds(2), 2),
                host -> new InetAddress[] {InetAddress.getByName("169.254.169.254")});
        refused(rebound, "http://photos.example.com/photo.png", "photos.example.com resolves to the link-local address");
    }

    @Test
    void privateAddressesAreRefusedUnlessAllowed() {
        refused(photos(List.of("127.0.0.1:" + port), false), url("/photo.png"), "the loopback address 127.0.0.1");
        refused(photos(List.of("10.1.2.3"), false), "http://10.1.2.3/photo.png", "the private address 10.1.2.3");
        refused(photos(List.of("192.168.1.1"), false), "http://192.168.1.1/photo.png", "private address");
        refused(photos(List.of("[fd00::1]"), false), "http://[fd00::1]/photo.png", "unique-local");
        refused(photos(List.of("0.0.0.0"), false), "http://0.0.0.0/photo.png", "any-local");
    }

    @Test
    void theConnectionGoesToTheCheckedAddressNotToASecondAnswer() {
        AtomicInteger lookups = new AtomicInteger();
        // first answer: the (allowed) test server; any later answer: the metadata endpoint (DNS rebinding)
        ReferencePhotos photos = new ReferencePhotos(vertx, new ReferencePhotos.Rules(List.of("photos.example.com"),
                true, MAX_BYTES, Duration.ofSeconds(2), 2), host -> new InetAddress[] {lookups.getAndIncrement() == 0
                        ? InetAddress.getLoopbackAddress() : InetAddress.getByName("169.254.169.254")});
        assertThat(photos.fetch("http://photos.example.com:" + port + "/photo.png").bytes()).isEqualTo(PNG);
        assertThat(lookups).hasValue(1);
    }

    @Test
    void redirectsAreFollowedOnlyToAllowedHostsAndAtMostTwice() {
        assertThat(local().fetch(url("/redirect?to=/photo.png")).bytes()).isEqualTo(PNG);
        refused(local(), url("/redirect?to=http://localhost:" + port + "/photo.png"), "not in REFERENCE_PHOTO_HOSTS");
        refused(photos(List.of("127.0.0.1:" + port, "169.254.169.254"), true),
                url("/redirect?to=http://169.254.169.254/latest/meta-data/"), "link-local");
        refused(local(), url("/redirect?to=file:///etc/passwd"), "only http and https");
        String thrice = url("/redirect?to=" + url("/redirect?to=" + url("/redirect?to=/photo.png")));
        refused(local(), thrice, "more than 2 redirects");
    }

    @Test
    void aPhotoLargerThanTheBoundIsRefusedWithOrWithoutItsLength() {
        refused(local(), url("/large.png"), "larger than " + MAX_BYTES + " bytes");
        refused(local(), url("/large-chunked.png"), "larger than " + MAX_BYTES + " bytes");
    }

    @Test
    void whatIsNotAPngOrJpegIsRefusedWhateverItsContentType() {
        refused(local(), url("/not-an-image.png"), "not a PNG or JPEG image");
    }

    @Test
    void aClientErrorIsARefusalAndAServerErrorOrATimeoutIsTransient() {
        refused(local(), url("/missing.png"), "answered 404");
        assertThatThrownBy(() -> local().fetch(url("/broken.png"))).isInstanceOf(ReferencePhotos.Unavailable.class)
                .hasMessageContaining("answered 503");
        ReferencePhotos impatient = new ReferencePhotos(vertx, new ReferencePhotos.Rules(List.of("127.0.0.1"), true,
                MAX_BYTES, Duration.ofMillis(300), 2));
        assertThatThrownBy(() -> impatient.fetch(url("/slow.png"))).isInstanceOf(ReferencePhotos.Unavailable.class);
        assertThatThrownBy(() -> photos(List.of("127.0.0.1"), true).fetch("http://127.0.0.1:" + closedPort()
                + "/photo.png")).as("connection refused").isInstanceOf(ReferencePhotos.Unavailable.class);
    }

    private static int closedPort() {
        try (var socket = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
