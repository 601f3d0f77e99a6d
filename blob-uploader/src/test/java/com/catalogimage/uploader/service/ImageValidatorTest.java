package com.catalogimage.uploader.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.catalogimage.uploader.TestImages;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

class ImageValidatorTest {

    private static final int TEN_MIB = 10 * 1024 * 1024;
    private final ImageValidator validator = new ImageValidator(TEN_MIB, 64, 4096);

    @Test
    void acceptsAPngOfTheRequestedSize() {
        byte[] png = TestImages.png(256, 256, 1);
        VerifiedImage image = validator.validate(png, "image/png", "256x256");
        assertThat(image.format()).isEqualTo(ImageFormat.PNG);
        assertThat(image.contentType()).isEqualTo("image/png");
        assertThat(image.width()).isEqualTo(256);
        assertThat(image.height()).isEqualTo(256);
        assertThat(image.bytes()).isSameAs(png);
    }

    @Test
    void acceptsAJpegUnderItsCommonAliasesAndAnySizeWhenTheRequestSaidAuto() {
        byte[] jpeg = TestImages.jpeg(300, 200, 1);
        assertThat(validator.validate(jpeg, "image/jpeg", "auto").format()).isEqualTo(ImageFormat.JPEG);
        VerifiedImage image = validator.validate(jpeg, "IMAGE/JPG; q=1", null);
        assertThat(image.contentType()).isEqualTo("image/jpeg");
        assertThat(image.width()).isEqualTo(300);
        assertThat(image.height()).isEqualTo(200);
    }

    @Test
    void refusesAJpegDeclaredAsPng() {
        assertThatThrownBy(() -> validator.validate(TestImages.jpeg(128, 128, 1), "image/png", "128x128"))
                .isInstanceOf(InvalidImageException.class)
                .hasMessage("declared image/png but bytes are JPEG");
        assertThatThrownBy(() -> validator.validate(TestImages.png(128, 128, 1), "image/jpeg", "128x128"))
                .hasMessage("declared image/jpeg but bytes are PNG");
    }

    @Test
    void refusesAnImageOfAnotherSizeThanRequested() {
        assertThatThrownBy(() -> validator.validate(TestImages.png(1024, 1536, 1), "image/png", "1024x1024"))
                .isInstanceOf(InvalidImageException.class)
                .hasMessage("1024x1536 but 1024x1024 was requested");
    }

    @Test
    void refusesImagesLargerThanTheBound() {
        byte[] large = Arrays.copyOf(TestImages.png(64, 64, 1), 12 * 1024 * 1024);
        assertThatThrownBy(() -> validator.validate(large, "image/png", "64x64"))
                .isInstanceOf(InvalidImageException.class)
                .hasMessage("12 MB exceeds the 10 MB bound");
        assertThatThrownBy(() -> validator.validate(new byte[TEN_MIB + 1], "image/png", null))
                .hasMessage("10485761 bytes exceeds the 10485760-byte bound");
    }

    @Test
    void refusesBytesThatAreNoImageAtAll() {
        byte[] html = "<html><body>error</body></html>".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> validator.validate(html, "image/png", null))
                .hasMessage("declared image/png but bytes are not PNG, JPEG or WEBP (they start with 3c 68 74 6d 6c 3e 3c 62)");
        assertThatThrownBy(() -> validator.validate(new byte[0], "image/png", null)).hasMessage("the image is empty");
        assertThatThrownBy(() -> validator.validate(null, "image/png", null)).hasMessage("the image is empty");
    }

    @Test
    void refusesTypesThePipelineDoesNotStore() {
        assertThatThrownBy(() -> validator.validate(TestImages.png(64, 64, 1), "image/gif", null))
                .hasMessageStartingWith("declared content type 'image/gif' is not one the pipeline stores");
        assertThatThrownBy(() -> validator.validate(TestImages.png(64, 64, 1), null, null))
                .isInstanceOf(InvalidImageException.class);
    }

    @Test
    void refusesAPngThatDoesNotDecode() {
        byte[] png = TestImages.png(256, 256, 1);
        byte[] truncated = Arrays.copyOf(png, png.length / 2);
        assertThatThrownBy(() -> validator.validate(truncated, "image/png", "256x256"))
                .isInstanceOf(InvalidImageException.class)
                .hasMessageStartingWith("does not decode as PNG");

        byte[] magicOnly = Arrays.copyOf(png, 40);
        Arrays.fill(magicOnly, 8, 40, (byte) 0x55);
        assertThatThrownBy(() -> validator.validate(magicOnly, "image/png", null))
                .hasMessageStartingWith("does not decode as PNG");
    }

    @Test
    void refusesATruncatedJpegThatTheReaderOnlyWarnsAbout() {
        byte[] jpeg = TestImages.jpeg(256, 256, 1);
        assertThatThrownBy(() -> validator.validate(Arrays.copyOf(jpeg, jpeg.length / 2), "image/jpeg", "256x256"))
                .isInstanceOf(InvalidImageException.class)
                .hasMessageStartingWith("does not decode as JPEG");
    }

    @Test
    void refusesADecompressionBombOnItsHeaderBeforeDecoding() {
        // A valid 64x64 PNG whose header claims 100000x100000: decoding it would allocate 40 GB.
        byte[] bomb = withPngSize(TestImages.png(64, 64, 1), 100_000, 100_000);
        assertThatThrownBy(() -> validator.validate(bomb, "image/png", null))
                .isInstanceOf(InvalidImageException.class)
                .hasMessage("100000x100000 exceeds the 4096-pixel bound");
    }

    @Test
    void refusesImagesTooSmallToBeAPhoto() {
        assertThatThrownBy(() -> validator.validate(TestImages.png(32, 32, 1), "image/png", null))
                .hasMessage("32x32 is below the 64-pixel minimum");
    }

    /** A complete, valid lossless WEBP of 1x1 pixel (the 34 bytes browsers' WEBP feature tests decode). */
    private static final byte[] VALID_WEBP = Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");
    private static final String WEBP_REFUSED = "WEBP is not stored: it cannot be verified by a full decode here; the"
            + " generator asks the image API for PNG or JPEG (IMAGE_OUTPUT_FORMAT)";

    @Test
    void refusesWebpValidOrNotBecauseItCannotBeDecodedWholeHere() {
        assertThat(ImageFormat.sniff(VALID_WEBP)).contains(ImageFormat.WEBP);
        assertThatThrownBy(() -> validator.validate(VALID_WEBP, "image/webp", null))
                .isInstanceOf(InvalidImageException.class).hasMessage(WEBP_REFUSED);
        byte[] large = webp("VP8L", vp8l(1024, 1024));
        assertThatThrownBy(() -> validator.validate(large, "image/webp", "1024x1024")).hasMessage(WEBP_REFUSED);
        assertThatThrownBy(() -> validator.validate(Arrays.copyOf(large, 30), "image/webp", null))
                .as("truncated").hasMessage(WEBP_REFUSED);
        assertThatThrownBy(() -> validator.validate(webp("ALPH", new byte[20]), "image/webp", null))
                .as("corrupt").hasMessage(WEBP_REFUSED);
        assertThatThrownBy(() -> validator.validate(TestImages.png(1024, 1024, 1), "image/webp", null))
                .as("declared WEBP, PNG bytes").hasMessage(WEBP_REFUSED);
        assertThatThrownBy(() -> validator.validate(VALID_WEBP, "image/png", null))
                .hasMessage("declared image/png but bytes are WEBP");
    }

    private static byte[] withPngSize(byte[] png, int width, int height) {
        byte[] patched = png.clone();
        ByteBuffer.wrap(patched, 16, 8).putInt(width).putInt(height);
        CRC32 crc = new CRC32();
        crc.update(patched, 12, 17); // "IHDR" and its 13 data bytes
        ByteBuffer.wrap(patched, 29, 4).putInt((int) crc.getValue());
        return patched;
    }

    private static byte[] webp(String chunk, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("RIFF".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(le32(4 + 8 + payload.length));
        out.writeBytes("WEBP".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(chunk.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(le32(payload.length));
        out.writeBytes(payload);
        return out.toByteArray();
    }

    private static byte[] vp8l(int width, int height) {
        byte[] payload = new byte[20];
        payload[0] = 0x2F;
        System.arraycopy(le32((width - 1) | (height - 1) << 14), 0, payload, 1, 4);
        return payload;
    }

    private static byte[] le32(int value) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array();
    }
}
