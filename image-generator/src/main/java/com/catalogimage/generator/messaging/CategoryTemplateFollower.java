package com.catalogimage.generator.messaging;

import com.catalogimage.contracts.CategoryTemplate;
import com.catalogimage.contracts.Topics;
import com.catalogimage.contracts.serde.CategoryTemplateDeserializer;
import com.catalogimage.generator.service.CategoryTemplates;
import com.catalogimage.messaging.status.TopicFollower;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * Reads {@code category-templates} whole at every start and then follows it, into {@link CategoryTemplates}. Requests
 * wait at start until it has been read, like the ledger and the status topic, so the first request of a category
 * already gets its template.
 */
@ApplicationScoped
public class CategoryTemplateFollower {

    private final CategoryTemplates templates;
    private TopicFollower<CategoryTemplate> follower;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafka;

    public CategoryTemplateFollower(CategoryTemplates templates) {
        this.templates = templates;
    }

    void start(@Observes StartupEvent start) {
        follower = new TopicFollower<>(TopicFollower.connection(kafka), Topics.CATEGORY_TEMPLATES,
                "image-generator-category-templates", new CategoryTemplateDeserializer(), records -> records.forEach(record -> templates.apply(record.key(), record.value()))).start();
    }

    void stop(@Observes ShutdownEvent stop) {
        if (follower != null) {
            follower.close();
        }
    }

    /** Whether the topic has been read to where it ended at the start. */
    public boolean caughtUp() {
        return follower != null && follower.caughtUp();
    }
}
