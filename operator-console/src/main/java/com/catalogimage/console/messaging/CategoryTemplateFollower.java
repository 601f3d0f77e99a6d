package com.catalogimage.console.messaging;

import com.catalogimage.contracts.CategoryTemplate;
import com.catalogimage.contracts.Topics;
import com.catalogimage.contracts.serde.CategoryTemplateDeserializer;
import com.catalogimage.messaging.status.TopicFollower;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each category's template as the generator uses it: the compacted {@code category-templates} topic (key
 * {@link CategoryTemplate#key}), read from the start at every start and then followed, by the pipeline's plain reader
 * of a whole topic (as the review followers). The latest record of a key counts; a null template or a tombstone returns
 * the category to the configured template, so it is no longer listed.
 */
@ApplicationScoped
public class CategoryTemplateFollower {

    private final Map<String, CategoryTemplate> templates = new ConcurrentHashMap<>();
    private TopicFollower<CategoryTemplate> follower;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafka;

    void start(@Observes StartupEvent start) {
        follower = new TopicFollower<>(TopicFollower.connection(kafka), Topics.CATEGORY_TEMPLATES,
                "operator-console-category-templates", new CategoryTemplateDeserializer(), records -> {
                    for (var record : records) {
                        apply(record.key(), record.value());
                    }
                }).start();
    }

    void stop(@Observes ShutdownEvent stop) {
        if (follower != null) {
            follower.close();
        }
    }

    void apply(String key, CategoryTemplate template) {
        if (key == null) {
            return;
        }
        if (template == null || template.template() == null) {
            templates.remove(key);
        } else {
            templates.put(key, template);
        }
    }

    /** What this console just wrote, before its echo comes back (the page after the redirect shows it). */
    public void written(CategoryTemplate template) {
        apply(CategoryTemplate.key(template.category()), template);
    }

    /** The categories with a template of their own, by name. */
    public List<CategoryTemplate> current() {
        return templates.values().stream().sorted(Comparator.comparing(CategoryTemplate::category,
                String.CASE_INSENSITIVE_ORDER)).toList();
    }

    public boolean caughtUp() {
        return follower != null && follower.caughtUp();
    }
}
