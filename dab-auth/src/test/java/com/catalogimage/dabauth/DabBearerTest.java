package com.catalogimage.dabauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.identity.CredentialUnavailableException;
import com.catalogimage.localstack.dab.DabEmulator;
import com.catalogimage.localstack.dab.EntraTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class DabBearerTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /**
     * The real chain: DefaultAzureCredential → managed identity (App Service dialect, IDENTITY_ENDPOINT set by the pom)
     * → the DAB emulator's identity endpoint, whose tokens live three seconds; DAB refuses an expired one with its 401
     * envelope, and the bearer has a new one by then.
     */
    @Test
    void tokensComeFromAzureIdentityAndAreRefreshedBeforeDabRefusesThem() throws Exception {
        int port = Integer.getInteger("dab-auth.test-port");
        try (DabEmulator dab = DabEmulator.start(DabEmulator.Options.inMemory().withPort(port)
                .withTokenLifetime(Duration.ofSeconds(3)))) {
            assertThat(dab.identityEnvironment()).containsEntry("IDENTITY_ENDPOINT",
                    "http://127.0.0.1:" + port + EntraTokens.PATH);
            DabBearer bearer = DabBearer.of(Optional.of(DabEmulator.SCOPE), Optional.of("ignored-static-token"));
            assertThat(get(dab, null).statusCode()).isEqualTo(401);

            String first = bearer.authorization().orElseThrow();
            assertThat(get(dab, first).statusCode()).isEqualTo(200);
            Thread.sleep(3_500); // past the first token's expiry

            HttpResponse<String> expired = get(dab, first);
            assertThat(expired.statusCode()).isEqualTo(401);
            assertThat(expired.body()).contains("\"code\":\"AuthenticationChallenge\"").contains("expired");
            String second = bearer.authorization().orElseThrow();
            assertThat(second).isNotEqualTo(first);
            assertThat(get(dab, second).statusCode()).isEqualTo(200);
            assertThat(dab.tokens().orElseThrow().issued()).isGreaterThanOrEqualTo(2);
            assertThat(dab.tokens().orElseThrow().expiredRefusals()).isEqualTo(1);
        }
    }

    @Test
    void aTokenIsKeptUntilHalfItsLifetimeAtMostFiveMinutesBeforeExpiry() {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
        List<Duration> lifetimes = new ArrayList<>(List.of(Duration.ofMinutes(1), Duration.ofHours(1)));
        AtomicInteger calls = new AtomicInteger();
        TokenCredential credential = request -> Mono.fromSupplier(() -> new AccessToken("t" + calls.incrementAndGet(),
                clock.instant().plus(lifetimes.isEmpty() ? Duration.ofHours(1) : lifetimes.remove(0))
                        .atOffset(ZoneOffset.UTC)));
        DabBearer bearer = DabBearer.entraId(credential, "api://dab/.default", clock);

        assertThat(bearer.authorization()).hasValue("Bearer t1");
        clock.advance(Duration.ofSeconds(29));
        assertThat(bearer.authorization()).as("a one-minute token is kept for half of it").hasValue("Bearer t1");
        clock.advance(Duration.ofSeconds(1));
        assertThat(bearer.authorization()).hasValue("Bearer t2");
        clock.advance(Duration.ofMinutes(54));
        assertThat(bearer.authorization()).as("an hour's token until five minutes before its end").hasValue("Bearer t2");
        clock.advance(Duration.ofMinutes(1));
        assertThat(bearer.authorization()).hasValue("Bearer t3");
    }

    @Test
    void aFailedRefreshKeepsAStillValidTokenAndThrowsOnceItExpired() {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
        AtomicInteger calls = new AtomicInteger();
        TokenCredential credential = request -> calls.incrementAndGet() == 1
                ? Mono.just(new AccessToken("t1", clock.instant().plusSeconds(60).atOffset(ZoneOffset.UTC)))
                : Mono.error(new CredentialUnavailableException("no managed identity here"));
        DabBearer bearer = DabBearer.entraId(credential, "api://dab/.default", clock);

        assertThat(bearer.authorization()).hasValue("Bearer t1");
        clock.advance(Duration.ofSeconds(40));
        assertThat(bearer.authorization()).hasValue("Bearer t1");
        clock.advance(Duration.ofSeconds(20));
        assertThatThrownBy(bearer::authorization).satisfies(e -> assertThat(DabBearer.isIdentityFailure(e)).isTrue());
    }

    @Test
    void aStaticTokenIsTheDevelopmentFallbackAndNothingIsNothing() {
        assertThat(DabBearer.of(Optional.empty(), Optional.of("dev-token")).authorization()).hasValue("Bearer dev-token");
        DabBearer none = DabBearer.of(Optional.of(" "), Optional.empty());
        assertThat(none.isConfigured()).isFalse();
        assertThat(none.authorization()).isEmpty();
        assertThat(DabBearer.isIdentityFailure(new IllegalStateException("x", new CredentialUnavailableException("y"))))
                .isTrue();
        assertThat(DabBearer.isIdentityFailure(new IllegalStateException("x"))).isFalse();
    }

    private static HttpResponse<String> get(DabEmulator dab, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(dab.baseUri() + "/api/Products?$first=1"));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
