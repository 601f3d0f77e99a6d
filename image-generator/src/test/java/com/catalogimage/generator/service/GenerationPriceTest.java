package com.catalogimage.generator.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.catalogimage.contracts.FailureClass;
import com.catalogimage.contracts.ImageModels;
import com.catalogimage.generator.client.ImageApiException;
import com.openai.models.images.Image;
import com.openai.models.images.ImagesResponse;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Costs from the model's profile: estimates of n images before a call, usage after it; the images of one call. */
class GenerationPriceTest {

    private static final ImageModels MODELS = ImageModels.defaults();
    private static final byte[] PNG = Arrays.copyOf(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'},
            100);

    private static GenerationPrice price(int variants) {
        return new GenerationPrice(MODELS.profile("gpt-image-2"), "low", "1024x1024", variants, new BigDecimal("0.001"));
    }

    @Test
    void theEstimateCountsEveryVariantAndAReferencePhotosInput() {
        // gpt-image-2 low 1024x1024: 200 output tokens at $30/M, 300 prompt tokens at $5/M; a photo 4500 at $8/M
        assertThat(price(1).estimate(false)).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("0.0075"));
        assertThat(price(3).estimate(false)).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("0.0195"));
        assertThat(price(1).estimate(true)).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("0.0435"));
        assertThat(price(3).perCall(true)).as("with the check's expected cost").isEqualByComparingTo("0.0565");
        assertThat(price(3).perImage()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("0.0075"));
    }

    @Test
    void theCostOfACallIsItsUsageForAllItsImagesWithImageInputPricedAsSuch() {
        // 3 images of 200 tokens: 600 output; 40 text and 1000 image input tokens
        BigDecimal cost = price(3).cost(3, true, new GenerationPrice.Usage(40L, 1000L, 600L)).orElseThrow();
        assertThat(cost).isEqualByComparingTo("0.0262"); // 40*5 + 1000*8 + 600*30 per million
        assertThat(price(3).cost(3, false, null)).as("no usage: the estimate")
                .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("0.0195"));
    }

    @Test
    void theUsageSplitsTextAndImageInputFromItsDetails() {
        ImagesResponse.Usage usage = ImagesResponse.Usage.builder().inputTokens(1040).outputTokens(600).totalTokens(1640)
                .inputTokensDetails(ImagesResponse.Usage.InputTokensDetails.builder().textTokens(40).imageTokens(1000)
                        .build())
                .build();
        assertThat(GenerationService.usage(usage)).isEqualTo(new GenerationPrice.Usage(40L, 1000L, 600L));
    }

    @Test
    void everyImageOfACallIsDecodedAndTheirTotalIsBounded() {
        List<Image> three = List.of(image(PNG), image(PNG), image(PNG));
        assertThat(GenerationService.decodeAll(three, "image/png", 300)).hasSize(3).allSatisfy(bytes ->
                assertThat(bytes).isEqualTo(PNG));
        assertThatThrownBy(() -> GenerationService.decodeAll(three, "image/png", 299))
                .isInstanceOfSatisfying(ImageApiException.class, e -> assertThat(e.failureClass())
                        .isEqualTo(FailureClass.INVALID_IMAGE));
    }

    private static Image image(byte[] bytes) {
        return Image.builder().b64Json(Base64.getEncoder().encodeToString(bytes)).build();
    }
}
