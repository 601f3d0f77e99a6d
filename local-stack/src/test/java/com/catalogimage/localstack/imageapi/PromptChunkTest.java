package com.catalogimage.localstack.imageapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The prompt inside an image: written and read back for PNG and JPEG, and the image still decodes. */
class PromptChunkTest {

    private final ImageRenderer renderer = new ImageRenderer();

    private byte[] draw(String format) {
        return renderer.render(new ImageRenderer.Spec(64, 48, format, false, 90, "Mug", "Kitchen", "test"));
    }

    @Test
    void aPngCarriesThePromptInATextChunkAndStillDecodes() throws IOException {
        byte[] png = PromptChunk.embed(draw("png"), "Product Name: Mug\nCategory: Kitchen");
        assertThat(PromptChunk.read(png)).isEqualTo("Product Name: Mug\nCategory: Kitchen");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(64);
        assertThat(image.getHeight()).isEqualTo(48);
    }

    @Test
    void aJpegCarriesThePromptInACommentAndStillDecodes() throws IOException {
        byte[] jpeg = PromptChunk.embed(draw("jpeg"), "Crème brûlée dish ☕");
        assertThat(PromptChunk.read(jpeg)).isEqualTo("Crème brûlée dish ☕");
        assertThat(ImageIO.read(new ByteArrayInputStream(jpeg)).getWidth()).isEqualTo(64);
    }

    @Test
    void thePromptIsBoundedAndPngTextIsLatin1() {
        String longPrompt = "x".repeat(PromptChunk.MAX_CHARS + 500);
        assertThat(PromptChunk.read(PromptChunk.embed(draw("png"), longPrompt))).hasSize(PromptChunk.MAX_CHARS);
        assertThat(PromptChunk.read(PromptChunk.embed(draw("png"), "Crème ☕"))).isEqualTo("Crème ?");
    }

    @Test
    void anImageWithoutAPromptOrNotAnImageReadsAsNone() {
        assertThat(PromptChunk.read(draw("png"))).isNull();
        assertThat(PromptChunk.read(draw("jpeg"))).isNull();
        assertThat(PromptChunk.read(new byte[] {1, 2, 3})).isNull();
        assertThat(PromptChunk.embed(new byte[] {1, 2, 3}, "p")).containsExactly(1, 2, 3);
    }
}
