package com.catalogimage.generator.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.catalogimage.generator.client.ImageApiException;
import com.catalogimage.contracts.FailureClass;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ImageCheckTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16};

    @Test
    void acceptsTheFormatThatWasAskedFor() {
        assertThat(ImageCheck.decode(b64(PNG), "image/png", 1000)).isEqualTo(PNG);
        assertThat(ImageCheck.decode(b64(JPEG), "image/jpeg", 1000)).isEqualTo(JPEG);
    }

    @Test
    void refusesAnotherFormatThanAskedFor() {
        assertInvalid(() -> ImageCheck.decode(b64(JPEG), "image/png", 1000), "not image/png");
    }

    @Test
    void refusesMissingOrBrokenBase64() {
        assertInvalid(() -> ImageCheck.decode(null, "image/png", 1000), "no b64_json");
        assertInvalid(() -> ImageCheck.decode("not base64!", "image/png", 1000), "not base64");
    }

    @Test
    void refusesAnImageTooLargeForTheInlineRecord() {
        byte[] big = Arrays.copyOf(PNG, 5000);
        assertInvalid(() -> ImageCheck.decode(b64(big), "image/png", 4000), "exceeds 4000");
        assertThat(ImageCheck.decode(b64(big), "image/png", 5000)).hasSize(5000);
    }

    @Test
    void mapsOutputFormatsToContentTypes() {
        assertThat(ImageCheck.contentType("png")).isEqualTo("image/png");
        assertThat(ImageCheck.contentType("jpeg")).isEqualTo("image/jpeg");
        assertThatThrownBy(() -> ImageCheck.contentType("webp")).isInstanceOf(IllegalArgumentException.class);
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static void assertInvalid(Runnable call, String why) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ImageApiException.class,
                e -> assertThat(e.failureClass()).isEqualTo(FailureClass.INVALID_IMAGE)).hasMessageContaining(why);
    }
}
