package com.catalogimage.updater.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ImageUrlRuleTest {

    static final ImageUrlRule RULE = ImageUrlRule.of(List.of("https://acct.blob.core.windows.net/products/",
            "https://cdn.example.com/catalog"));

    @Test
    void urlsUnderEitherBaseAreAllowed() {
        assertThat(RULE.refusal("https://acct.blob.core.windows.net/products/7/a-1.png")).isEmpty();
        assertThat(RULE.refusal("https://cdn.example.com/catalog/7/a-1.png")).isEmpty();
        assertThat(RULE.refusal("HTTPS://CDN.example.com:443/catalog/7/a.png")).as("scheme, host and default port")
                .isEmpty();
    }

    @Test
    void anotherHostSchemePortOrContainerIsRefused() {
        assertThat(RULE.refusal("https://evil.example/products/7/a.png")).get().asString()
                .contains("not under the configured public base");
        assertThat(RULE.refusal("http://acct.blob.core.windows.net/products/7/a.png")).isPresent();
        assertThat(RULE.refusal("https://acct.blob.core.windows.net:8443/products/7/a.png")).isPresent();
        assertThat(RULE.refusal("https://acct.blob.core.windows.net/products-old/7/a.png")).as("a prefix of a name")
                .isPresent();
        assertThat(RULE.refusal("https://acct.blob.core.windows.net/products/")).as("the base itself").isPresent();
        assertThat(RULE.refusal("https://cdn.example.com.evil.example/catalog/a.png")).isPresent();
    }

    @Test
    void credentialsAndQueriesNeverReachTheCatalog() {
        assertThat(RULE.refusal("https://acct.blob.core.windows.net/products/a.png?sv=2025&sig=abc")).get().asString()
                .contains("query").doesNotContain("sig=abc");
        assertThat(RULE.refusal("https://user:pw@acct.blob.core.windows.net/products/a.png")).isPresent();
        assertThat(RULE.refusal("https://acct.blob.core.windows.net/products/a.png#x")).isPresent();
    }

    @Test
    void noWayOutOfTheBase() {
        assertThat(RULE.refusal("https://cdn.example.com/catalog/../admin/a.png")).isPresent();
        assertThat(RULE.refusal("https://cdn.example.com/catalog/%2e%2e/admin/a.png")).isPresent();
        assertThat(RULE.refusal("https://cdn.example.com/catalog/a%2Fb.png")).isPresent();
        assertThat(RULE.refusal("https://cdn.example.com/catalog//a.png")).isPresent();
    }

    @Test
    void whatIsNoHttpUrlIsRefused() {
        assertThat(RULE.refusal(null)).isPresent();
        assertThat(RULE.refusal(" ")).isPresent();
        assertThat(RULE.refusal("/images/products/7.png")).isPresent();
        assertThat(RULE.refusal("javascript:alert(1)")).isPresent();
        assertThat(RULE.refusal("https://cdn.example.com/catalog/a b.png")).isPresent();
        assertThat(RULE.refusal("https://cdn.example.com/catalog/" + "a".repeat(1000) + ".png")).get().asString()
                .contains("longer");
    }

    @Test
    void aBaseThatIsNoPlainHttpUrlIsAConfigurationError() {
        assertThatThrownBy(() -> ImageUrlRule.of(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ImageUrlRule.of(List.of("/products"))).hasMessageContaining("/products");
        assertThatThrownBy(() -> ImageUrlRule.of(List.of("https://cdn.example.com/x?sig=1")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
