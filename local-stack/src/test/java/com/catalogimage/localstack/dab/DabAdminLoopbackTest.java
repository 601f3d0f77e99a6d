package com.catalogimage.localstack.dab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.catalogimage.localstack.http.JsonHttpServer;
import com.catalogimage.localstack.http.LoopbackOnlyRoutesTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The DAB emulator's admin routes, mounted as the emulator mounts them but on every interface, refuse a caller from
 * another address with DAB's 403 envelope and change nothing.
 */
class DabAdminLoopbackTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void anAdminCallFromAnotherAddressGetsDabsForbiddenEnvelope() throws Exception {
        Optional<InetAddress> other = LoopbackOnlyRoutesTest.nonLoopbackAddress();
        assumeTrue(other.isPresent(), "no non-loopback interface address here; LoopbackOnlyRoutesTest checks the address test");
        try (DabEmulator emulator = DabEmulator.start(DabEmulator.Options.inMemory());
             JsonHttpServer open = new JsonHttpServer("dab-admin-test", InetAddress.getByName("0.0.0.0"), 0, 2)) {
            open.routeLoopbackOnly("/admin/", new DabAdminHandler(emulator)::handle, DabAdminHandler::refuse);
            open.start();
            HttpResponse<String> refused = HTTP.send(HttpRequest.newBuilder(URI.create("http://"
                    + other.get().getHostAddress() + ":" + open.port() + "/admin/faults"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"status\":503,\"count\":3}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(403);
            JsonNode error = JsonHttpServer.JSON.readTree(refused.body()).get("error");
            assertThat(error.get("code").asText()).isEqualTo(DabErrors.AUTHORIZATION_CHECK_FAILED);
            assertThat(error.get("status").asInt()).isEqualTo(403);
            assertThat(emulator.faults().active()).as("nothing injected").isEmpty();
            HttpResponse<String> local = HTTP.send(HttpRequest.newBuilder(URI.create(emulator.baseUri() + "/admin/faults"))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(local.statusCode()).isEqualTo(200);
        }
    }
}
