package com.catalogimage.localstack.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link JsonHttpServer#routeLoopbackOnly}: the admin routes' guard, by address and over a real non-loopback connection. */
public class LoopbackOnlyRoutesTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** An address of this host that is not loopback (e.g. eth0's), if the machine has one that is up. */
    public static Optional<InetAddress> nonLoopbackAddress() {
        try {
            return NetworkInterface.networkInterfaces().filter(LoopbackOnlyRoutesTest::up)
                    .flatMap(NetworkInterface::inetAddresses)
                    .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                    .findFirst();
        } catch (SocketException e) {
            return Optional.empty();
        }
    }

    private static boolean up(NetworkInterface nic) {
        try {
            return nic.isUp() && !nic.isLoopback();
        } catch (SocketException e) {
            return false;
        }
    }

    @Test
    void onlyLoopbackCallersCount() throws Exception {
        assertThat(JsonHttpServer.fromLoopback(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 1))).isTrue();
        assertThat(JsonHttpServer.fromLoopback(new InetSocketAddress(InetAddress.getByName("127.8.9.10"), 1))).isTrue();
        assertThat(JsonHttpServer.fromLoopback(new InetSocketAddress(InetAddress.getByName("::1"), 1))).isTrue();
        assertThat(JsonHttpServer.fromLoopback(new InetSocketAddress(InetAddress.getByName("::ffff:127.0.0.1"), 1))).isTrue();
        assertThat(JsonHttpServer.fromLoopback(new InetSocketAddress(InetAddress.getByName("192.0.2.2"), 1))).isFalse();
        assertThat(JsonHttpServer.fromLoopback(new InetSocketAddress(InetAddress.getByName("10.1.2.3"), 1))).isFalse();
        assertThat(JsonHttpServer.fromLoopback(new InetSocketAddress(InetAddress.getByName("::ffff:10.1.2.3"), 1))).isFalse();
        assertThat(JsonHttpServer.fromLoopback(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), 1))).isFalse();
        assertThat(JsonHttpServer.fromLoopback(InetSocketAddress.createUnresolved("localhost", 1))).isFalse();
        assertThat(JsonHttpServer.fromLoopback(null)).isFalse();
    }

    @Test
    void aServerOnEveryInterfaceRefusesAdminCallsFromAnotherAddress() throws Exception {
        Optional<InetAddress> other = nonLoopbackAddress();
        assumeTrue(other.isPresent(), "this machine has no non-loopback interface address; onlyLoopbackCallersCount covers the check");
        try (JsonHttpServer server = new JsonHttpServer("guard-test", InetAddress.getByName("0.0.0.0"), 0, 2)) {
            server.routeLoopbackOnly("/admin/", exchange -> JsonHttpServer.sendJson(exchange, 200, Map.of("ok", true)),
                    exchange -> JsonHttpServer.sendJson(exchange, 403, Map.of("error", "loopback only")));
            server.route("/api/", exchange -> JsonHttpServer.sendJson(exchange, 200, Map.of("api", true)));
            server.start();
            String remote = "http://" + other.get().getHostAddress() + ":" + server.port();
            assertThat(get(remote + "/admin/stats").statusCode()).isEqualTo(403);
            assertThat(get(remote + "/admin/stats").body()).isEqualTo("{\"error\":\"loopback only\"}");
            assertThat(get(remote + "/api/x").statusCode()).as("the other routes stay reachable").isEqualTo(200);
            assertThat(get("http://127.0.0.1:" + server.port() + "/admin/stats").statusCode()).isEqualTo(200);
            assertThat(server.baseUri().toString()).isEqualTo("http://127.0.0.1:" + server.port());
        }
    }

    static HttpResponse<String> get(String uri) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(uri)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
