package com.catalogimage.messaging.failure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactionTest {

    @Test
    void aSasQueryIsTakenOutOfAUrlButThePathStays() {
        String cleaned = Redaction.clean("PUT https://acct.blob.core.windows.net/products/images/7-teapot.png"
                + "?sv=2024-08-04&se=2026-12-01T13%3A00Z&sr=c&sp=cw&sig=AbCdEf%2B123%3D failed");
        assertThat(cleaned).isEqualTo("PUT https://acct.blob.core.windows.net/products/images/7-teapot.png?[redacted] failed");
    }

    @Test
    void keysTokensAndPasswordsAreRedactedWhereverTheyStand() {
        String cleaned = Redaction.clean("DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=c2VjcmV0a2V5PT0=;"
                + " api-key: 0123456789abcdef Authorization: Bearer eyJhbGciOi.eyJzdWIi.sig Password=hunter2");
        assertThat(cleaned).doesNotContain("c2VjcmV0a2V5PT0=", "0123456789abcdef", "eyJhbGciOi", "hunter2")
                .contains("AccountKey=[redacted]", "api-key: [redacted]", "Bearer [redacted]", "Password=[redacted]");
    }

    @Test
    void anXmlErrorBodyBecomesOneBoundedLineOfText() {
        String body = "<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>AuthenticationFailed</Code>\n<Message>"
                + "Server failed to authenticate the request.\nRequestId:1f</Message></Error>" + "x".repeat(2000);
        String cleaned = Redaction.clean(body);
        assertThat(cleaned).startsWith("AuthenticationFailed Server failed to authenticate the request. RequestId:1f")
                .doesNotContain("<", "\n").hasSize(Redaction.MAX_CHARS);
    }

    @Test
    void nothingToSayStaysEmpty() {
        assertThat(Redaction.clean(null)).isEmpty();
        assertThat(Redaction.clean("  ")).isEmpty();
    }
}
