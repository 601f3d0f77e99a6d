package com.catalogimage.generator.messaging;

import static com.catalogimage.localstack.testing.KafkaTestResource.topics;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.catalogimage.contracts.CategoryTemplate;
import com.catalogimage.contracts.GeneratedImage;
import com.catalogimage.contracts.ImageRequest;
import com.catalogimage.contracts.Product;
import com.catalogimage.contracts.Topics;
import com.catalogimage.contracts.serde.GeneratedImageDeserializer;
import com.catalogimage.generator.service.CategoryTemplates;
import com.catalogimage.localstack.testing.ImageApiTestResource;
import com.catalogimage.localstack.testing.KafkaTestResource;
import com.catalogimage.localstack.testing.RetryTopicsTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** A template written to {@code category-templates} is the prompt of that category's next request, until reverted. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ImageApiTestResource.class)
@WithTestResource(RetryTopicsTestResource.class)
class CategoryTemplateTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    CategoryTemplates templates;

    @Test
    void aCategorysTemplateFromTheTopicIsUsedForItsNextRequestAndANullTemplateRevertsIt() {
        String category = "Teapots " + UUID.randomUUID();
        String template = "Catalog photo of {name}, a " + category.toLowerCase() + " item, on seamless white.";
        topics().send(Topics.CATEGORY_TEMPLATES, CategoryTemplate.key(category),
                new CategoryTemplate(category, template, "ana", Instant.now()));
        await().atMost(WAIT).until(() -> template.equals(templates.template(category)));

        GeneratedImage image = generate(category, null);
        assertThat(image.prompt()).isEqualTo("Catalog photo of Porcelain Teapot, a " + category.toLowerCase()
                + " item, on seamless white.");

        // an operator's own template still wins
        assertThat(generate(category, "Operator's {name}").prompt()).isEqualTo("Operator's Porcelain Teapot");

        topics().send(Topics.CATEGORY_TEMPLATES, CategoryTemplate.key(category),
                new CategoryTemplate(category, null, "ana", Instant.now()));
        await().atMost(WAIT).until(() -> templates.template(category) == null);
        assertThat(generate(category, null).prompt()).startsWith("Create a clean product photo for an online store.");
    }

    private static GeneratedImage generate(String category, String templateOverride) {
        Product product = new Product(ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE), "Porcelain Teapot",
                "A white porcelain teapot with a bamboo handle.", 9, category, null);
        ImageRequest request = new ImageRequest(UUID.randomUUID().toString(), product, 1, null,
                ImageRequest.Origin.REPLAY, Instant.now(), templateOverride);
        String key = String.valueOf(product.id());
        topics().send(Topics.IMAGE_REQUESTS, key, request);
        return topics().await(Topics.GENERATED_IMAGES, key, new GeneratedImageDeserializer(), 1, WAIT).get(0).value();
    }
}
