package com.catalogimage.localstack.imageapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ImageRendererTest {

    private final ImageRenderer renderer = new ImageRenderer();

    private static ImageRenderer.Spec spec(int w, int h, String format, boolean transparent, String name) {
        return new ImageRenderer.Spec(w, h, format, transparent, 100, name, "Clothing", "emulated · test");
    }

    private static BufferedImage decode(byte[] bytes) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        assertThat(image).as("decodable image").isNotNull();
        return image;
    }

    @Test
    void pngHasTheRequestedSizeAndALightOpaqueBackground() throws IOException {
        byte[] png = renderer.render(spec(1536, 1024, "png", false, "Kids Dinosaur Pajamas"));
        assertThat(png).startsWith(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A);
        BufferedImage image = decode(png);
        assertThat(image.getWidth()).isEqualTo(1536);
        assertThat(image.getHeight()).isEqualTo(1024);
        int corner = image.getRGB(2, 2);
        assertThat((corner >>> 24) & 0xFF).isEqualTo(0xFF);
        assertThat(corner & 0xFF).isGreaterThan(0xF0); // near white
        assertThat(image.getRGB(768, 430)).as("a product in the middle").isNotEqualTo(corner);
    }

    @Test
    void transparentPngKeepsAlpha() throws IOException {
        BufferedImage image = decode(renderer.render(spec(1024, 1024, "png", true, "Chocolate Bar")));
        assertThat(image.getColorModel().hasAlpha()).isTrue();
        assertThat((image.getRGB(2, 2) >>> 24) & 0xFF).as("corner alpha").isZero();
        assertThat((image.getRGB(512, 430) >>> 24) & 0xFF).as("product alpha").isEqualTo(0xFF);
    }

    @Test
    void jpegHasJpegMagicAndTheRequestedSize() throws IOException {
        byte[] jpeg = renderer.render(spec(1024, 1536, "jpeg", false, "Wireless Gamer Mouse"));
        assertThat(jpeg).startsWith(0xFF, 0xD8, 0xFF);
        BufferedImage image = decode(jpeg);
        assertThat(image.getWidth()).isEqualTo(1024);
        assertThat(image.getHeight()).isEqualTo(1536);
    }

    @Test
    void anyUnicodeAndOverlongNamesRenderWithoutFailing() throws IOException {
        List<String> names = List.of("Pyjama «Dino» für Kinder — 日本語の名前 — 🦖🦕 \u200F\u0645\u0631\u062D\u0628\u0627",
                "\uD83D", "", "\u0000\u0007tab\tnewline\n", "x".repeat(5000), "word ".repeat(400));
        for (String name : names) {
            BufferedImage image = decode(renderer.render(spec(1024, 1024, "png", false, name)));
            assertThat(image.getWidth()).isEqualTo(1024);
        }
    }

    @Test
    void rendersConcurrentlyAndQuickly() throws Exception {
        ImageRenderer.Spec spec = spec(1024, 1024, "png", false, "Blue Denim Jacket");
        for (int i = 0; i < 5; i++) {
            renderer.render(spec); // warm up JIT and font caches
        }
        int rounds = 20;
        long start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            renderer.render(spec);
        }
        double millisPerImage = (System.nanoTime() - start) / 1e6 / rounds;
        System.out.printf("ImageRenderer: %.1f ms per 1024x1024 PNG (render + encode)%n", millisPerImage);
        // generous bound: the build machine is shared; typically ~20 ms
        assertThat(millisPerImage).isLessThan(150);

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<byte[]>> futures = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                futures.add(pool.submit(() -> renderer.render(spec)));
            }
            byte[] first = futures.get(0).get();
            for (Future<byte[]> future : futures) {
                assertThat(future.get()).isEqualTo(first); // deterministic and uncorrupted under concurrency
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void readsTemplateFieldsFromThePrompt() {
        String prompt = "Create a clean product photo for an online store.\n\nProduct Name: Blue Denim Jeans\n"
                + "Description: Pair of blue denim jeans.\nCategory:  Clothing \nTags: denim,pants\n\nShow the product";
        assertThat(ImagesHandler.field(prompt, "Product Name")).isEqualTo("Blue Denim Jeans");
        assertThat(ImagesHandler.field(prompt, "Category")).isEqualTo("Clothing");
        assertThat(ImagesHandler.field(prompt, "Missing")).isNull();
    }
}
