package com.catalogimage.console.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The links pages show: read only, short-lived, HTTPS only outside the local stack. Signing is local: no network. */
class ImageLinksTest {

    private static final String KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    private static BlobServiceClient account(String protocol) {
        return new BlobServiceClientBuilder().connectionString("DefaultEndpointsProtocol=" + protocol
                + ";AccountName=consoletest;AccountKey=" + KEY + ";EndpointSuffix=core.windows.net").buildClient();
    }

    private static Map<String, String> query(String link) {
        return Arrays.stream(URI.create(link).getRawQuery().split("&")).map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0], pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
    }

    private static ImageLinks links(BlobServiceClient account, int minutes) {
        return new ImageLinks(account, true, minutes, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void aLinkMayOnlyReadAndExpiresWithinFifteenMinutes() {
        BlobServiceClient account = account("https");
        String link = links(account, 15).read(account.getBlobContainerClient("products"), "images/1-mug-abc.thumb.jpg");

        Map<String, String> sas = query(link);
        assertThat(link).startsWith("https://consoletest.blob.core.windows.net/");
        assertThat(URI.create(link).getPath()).isEqualTo("/products/images/1-mug-abc.thumb.jpg");
        assertThat(sas.get("sp")).isEqualTo("r");
        assertThat(sas.get("sr")).isEqualTo("b");
        assertThat(OffsetDateTime.parse(sas.get("se")).toInstant()).isAfter(NOW)
                .isBeforeOrEqualTo(NOW.plusSeconds(15 * 60));
        assertThat(sas.get("spr")).isEqualTo("https");
        assertThat(sas.get("sig")).isNotBlank();
    }

    @Test
    void theConfiguredLifeIsTheLinksLife() {
        BlobServiceClient account = account("https");
        String link = links(account, 5).read(account.getBlobContainerClient("products"), "a.png");

        assertThat(OffsetDateTime.parse(query(link).get("se")).toInstant()).isEqualTo(NOW.plusSeconds(5 * 60));
    }

    @Test
    void thePlainHttpLocalStackGetsLinksItCanServe() {
        BlobServiceClient account = account("http");
        String link = links(account, 10).read(account.getBlobContainerClient("products"), "a.png");

        assertThat(query(link).get("spr")).isEqualTo("https,http");
        assertThat(query(link).get("sp")).isEqualTo("r");
    }

    @Test
    void moreThanFifteenMinutesIsRefusedAtStartUp() {
        assertThatThrownBy(() -> links(account("https"), 16)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CONSOLE_SAS_MINUTES");
        assertThatThrownBy(() -> links(account("https"), 0)).isInstanceOf(IllegalStateException.class);
    }
}
