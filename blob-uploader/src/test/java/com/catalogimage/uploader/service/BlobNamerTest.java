package com.catalogimage.uploader.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.catalogimage.contracts.Product;
import com.catalogimage.uploader.TestImages;
import org.junit.jupiter.api.Test;

class BlobNamerTest {

    private final BlobNamer namer = new BlobNamer("images");

    @Test
    void slugsAreLowercaseAsciiWithSingleHyphens() {
        assertThat(BlobNamer.slug("Kids Dinosaur Pajamas")).isEqualTo("kids-dinosaur-pajamas");
        assertThat(BlobNamer.slug("Men's \"Classic\" Oxford Shirt")).isEqualTo("men-s-classic-oxford-shirt");
        assertThat(BlobNamer.slug("  --Trail   Mix!! ")).isEqualTo("trail-mix");
    }

    @Test
    void slugsNeverHoldAPathSeparator() {
        assertThat(BlobNamer.slug("AC/DC T-Shirt")).isEqualTo("ac-dc-t-shirt");
        assertThat(BlobNamer.slug("..\\..\\etc/passwd")).isEqualTo("etc-passwd");
    }

    @Test
    void slugsDropDiacriticsAndCompatibilityForms() {
        assertThat(BlobNamer.slug("Café Crème Brûlée")).isEqualTo("cafe-creme-brulee");
        assertThat(BlobNamer.slug("ﬁne Ｗｉｄｅ")).isEqualTo("fine-wide");
    }

    @Test
    void slugsOfNamesWithoutLatinLettersFallBackToProduct() {
        assertThat(BlobNamer.slug("抹茶アイスクリーム")).isEqualTo("product");
        assertThat(BlobNamer.slug("")).isEqualTo("product");
        assertThat(BlobNamer.slug(null)).isEqualTo("product");
    }

    @Test
    void slugsAreCutToSixtyCharactersWithoutATrailingHyphen() {
        String name = "a".repeat(59) + " b" + " c".repeat(40);
        String slug = BlobNamer.slug(name);
        assertThat(slug).hasSizeLessThanOrEqualTo(60).doesNotEndWith("-").isEqualTo("a".repeat(59));
        assertThat(BlobNamer.slug("word ".repeat(30))).hasSizeLessThanOrEqualTo(60).doesNotEndWith("-").startsWith("word-word");
    }

    @Test
    void namesHoldPrefixProductIdSlugHashAndExtension() {
        byte[] png = TestImages.png(64, 64, 1);
        VerifiedImage image = new VerifiedImage(png, ImageFormat.PNG, 64, 64);

        BlobNamer.BlobName name = namer.name(new Product(42, "Kids Dinosaur Pajamas", "d", 1, "c", null), image);

        assertThat(name.sha256()).isEqualTo(BlobNamer.sha256(png)).hasSize(64);
        assertThat(name.name()).isEqualTo("images/42-kids-dinosaur-pajamas-" + name.sha256().substring(0, 12) + ".png");
    }

    @Test
    void twoProductsWithTheSameNameAndImageNeverCollide() {
        VerifiedImage image = new VerifiedImage(TestImages.png(64, 64, 1), ImageFormat.PNG, 64, 64);
        String first = namer.name(new Product(1, "Chocolate Bar", "d", 1, "c", null), image).name();
        String second = namer.name(new Product(2, "Chocolate Bar", "d", 1, "c", null), image).name();
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void theSameProductWithANewImageGetsANewNameAndTheSameImageTheSameName() {
        Product product = new Product(7, "Chocolate Bar", "d", 1, "c", null);
        VerifiedImage first = new VerifiedImage(TestImages.png(64, 64, 1), ImageFormat.PNG, 64, 64);
        VerifiedImage second = new VerifiedImage(TestImages.png(64, 64, 2), ImageFormat.PNG, 64, 64);
        assertThat(namer.name(product, first).name()).isNotEqualTo(namer.name(product, second).name());
        assertThat(namer.name(product, first).name()).isEqualTo(namer.name(product, first).name());
    }

    @Test
    void theExtensionComesFromTheVerifiedFormat() {
        Product product = new Product(7, "Chocolate Bar", "d", 1, "c", null);
        assertThat(namer.name(product, new VerifiedImage(new byte[] {1}, ImageFormat.JPEG, 1, 1)).name()).endsWith(".jpg");
        assertThat(namer.name(product, new VerifiedImage(new byte[] {1}, ImageFormat.WEBP, 1, 1)).name()).endsWith(".webp");
    }

    @Test
    void prefixesAreTrimmedOptionalAndChecked() {
        VerifiedImage image = new VerifiedImage(new byte[] {1}, ImageFormat.PNG, 1, 1);
        Product product = new Product(7, "Bar", "d", 1, "c", null);
        assertThat(new BlobNamer("/catalog/images/").name(product, image).name()).startsWith("catalog/images/7-bar-");
        assertThat(new BlobNamer("").name(product, image).name()).startsWith("7-bar-");
        assertThatThrownBy(() -> new BlobNamer("images/x y")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BlobNamer("images/../other")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theThumbnailSitsBesideItsImage() {
        assertThat(BlobNamer.thumbnailName("images/42-kids-dinosaur-pajamas-a18c8140e3b1.png"))
                .isEqualTo("images/42-kids-dinosaur-pajamas-a18c8140e3b1.thumb.jpg");
        assertThat(BlobNamer.thumbnailName("42-jeans-a18c8140e3b1.jpg")).isEqualTo("42-jeans-a18c8140e3b1.thumb.jpg");
        assertThat(BlobNamer.thumbnailName("a.b/42-jeans")).isEqualTo("a.b/42-jeans.thumb.jpg");
    }

    @Test
    void aVariantSitsBesideItsMainImageNumberedAsTheCallsImages() {
        assertThat(BlobNamer.variantName("images/42-jeans-a18c8140e3b1.png", 1)).isEqualTo("images/42-jeans-a18c8140e3b1-v2.png");
        assertThat(BlobNamer.variantName("images/42-jeans-a18c8140e3b1.png", 3)).isEqualTo("images/42-jeans-a18c8140e3b1-v4.png");
        assertThat(BlobNamer.thumbnailName(BlobNamer.variantName("42-jeans-a18c8140e3b1.jpg", 1)))
                .isEqualTo("42-jeans-a18c8140e3b1-v2.thumb.jpg");
        assertThat(BlobNamer.variantName("a.b/42-jeans", 2)).isEqualTo("a.b/42-jeans-v3");
        assertThatThrownBy(() -> BlobNamer.variantName("images/42-jeans-a18c8140e3b1.png", 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
