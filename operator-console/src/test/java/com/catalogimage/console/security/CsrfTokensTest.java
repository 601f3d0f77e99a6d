package com.catalogimage.console.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsrfTokensTest {

    @Test
    void tokensAreRandomAndOnlyTheCookiesOwnValueMatches() {
        String token = CsrfTokens.generate();

        assertThat(CsrfTokens.wellFormed(token)).isTrue();
        assertThat(CsrfTokens.generate()).isNotEqualTo(token);
        assertThat(CsrfTokens.matches(token, token)).isTrue();
        assertThat(CsrfTokens.matches(token, CsrfTokens.generate())).isFalse();
        assertThat(CsrfTokens.matches(token, null)).isFalse();
        assertThat(CsrfTokens.matches(null, null)).isFalse();
        assertThat(CsrfTokens.matches("", "")).as("an empty cookie is no token").isFalse();
        assertThat(CsrfTokens.matches("attacker-chosen", "attacker-chosen")).as("a cookie we did not issue").isFalse();
    }
}
