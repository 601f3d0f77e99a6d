package com.catalogimage.uploader.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.catalogimage.uploader.TestImages;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ThumbnailsTest {

    @Test
    void theLongestEdgeBecomes256AndTheAspectIsKept() throws IOException {
        BufferedImage landscape = read(Thumbnails.jpeg(new BufferedImage(1536, 1024, BufferedImage.TYPE_INT_RGB)));
        assertThat(landscape.getWidth()).isEqualTo(256);
        assertThat(landscape.getHeight()).isEqualTo(171);

        BufferedImage portrait = read(Thumbnails.jpeg(new BufferedImage(1024, 1792, BufferedImage.TYPE_INT_RGB)));
        assertThat(portrait.getWidth()).isEqualTo(146);
        assertThat(portrait.getHeight()).isEqualTo(256);
    }

    @Test
    void isAJpeg() {
        byte[] thumbnail = Thumbnails.jpeg(new BufferedImage(512, 512, BufferedImage.TYPE_INT_RGB));
        assertThat(ImageFormat.sniff(thumbnail)).hasValue(ImageFormat.JPEG);
        assertThat(Thumbnails.CONTENT_TYPE).isEqualTo("image/jpeg");
    }

    @Test
    void transparencyBecomesWhite() throws IOException {
        BufferedImage transparent = new BufferedImage(512, 512, BufferedImage.TYPE_INT_ARGB); // all alpha 0

        BufferedImage thumbnail = read(Thumbnails.jpeg(transparent));

        Color centre = new Color(thumbnail.getRGB(128, 128));
        assertThat(centre.getRed()).isGreaterThan(245);
        assertThat(centre.getGreen()).isGreaterThan(245);
        assertThat(centre.getBlue()).isGreaterThan(245);
    }

    @Test
    void aOnePixelImageStaysOnePixel() throws IOException {
        BufferedImage pixel = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        pixel.setRGB(0, 0, Color.RED.getRGB());

        BufferedImage thumbnail = read(Thumbnails.jpeg(pixel));

        assertThat(thumbnail.getWidth()).isEqualTo(1);
        assertThat(thumbnail.getHeight()).isEqualTo(1);
        assertThat(new Color(thumbnail.getRGB(0, 0)).getRed()).isGreaterThan(200);
    }

    @Test
    void isMadeFromTheValidatorsSubsampledDecodeAtTheImagesRealProportions() throws IOException {
        byte[] png = TestImages.png(1536, 1024, 3);
        VerifiedImage verified = new ImageValidator(10 * 1024 * 1024, 64, 4096).validate(png, "image/png", "1536x1024");
        // The decode kept every 6th row: no shorter than the thumbnail, far smaller than the image.
        assertThat(verified.decoded().getWidth()).isEqualTo(1536);
        assertThat(verified.decoded().getHeight()).isEqualTo(171);

        BufferedImage thumbnail = read(Thumbnails.of(verified));

        assertThat(thumbnail.getWidth()).isEqualTo(256);
        assertThat(thumbnail.getHeight()).isEqualTo(171);
        // TestImages draws a white disc in the middle of a coloured field.
        assertThat(new Color(thumbnail.getRGB(128, 85)).getRed()).isGreaterThan(240);
    }

    @Test
    void theSameImageGivesTheSameThumbnail() {
        byte[] png = TestImages.png(1024, 1024, 5);
        VerifiedImage verified = new ImageValidator(10 * 1024 * 1024, 64, 4096).validate(png, "image/png", "1024x1024");
        VerifiedImage again = new ImageValidator(10 * 1024 * 1024, 64, 4096).validate(png, "image/png", "1024x1024");

        assertThat(Thumbnails.of(again)).isEqualTo(Thumbnails.of(verified));
    }

    @Test
    void subsamplingKeepsTheDecodeNoSmallerThanAThumbnail() {
        assertThat(ImageValidator.subsampling(64, 64)).isEqualTo(1);
        assertThat(ImageValidator.subsampling(256, 256)).isEqualTo(1);
        assertThat(ImageValidator.subsampling(1024, 1024)).isEqualTo(4);
        assertThat(ImageValidator.subsampling(1024, 1536)).isEqualTo(6);
        assertThat(ImageValidator.subsampling(4096, 4096)).isEqualTo(8);
    }

    private static BufferedImage read(byte[] jpeg) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(jpeg));
    }
}
