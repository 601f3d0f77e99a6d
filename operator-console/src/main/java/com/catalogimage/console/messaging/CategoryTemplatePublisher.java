package com.catalogimage.console.messaging;

import com.catalogimage.contracts.CategoryTemplate;
import com.catalogimage.messaging.tracing.TracedRecords;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;

/**
 * Writes a category's template to {@code category-templates}, keyed by {@link CategoryTemplate#key} (the topic is
 * compacted: the latest per category is what the generator uses), and waits for the broker's acknowledgement before the
 * page says so. A null template returns the category to the configured template.
 */
@ApplicationScoped
public class CategoryTemplatePublisher {

    /** The outgoing channel (application.properties). */
    public static final String CHANNEL = "category-templates-out";

    private final MutinyEmitter<CategoryTemplate> templates;
    private final CategoryTemplateFollower follower;

    public CategoryTemplatePublisher(@Channel(CHANNEL) MutinyEmitter<CategoryTemplate> templates,
            CategoryTemplateFollower follower) {
        this.templates = templates;
        this.follower = follower;
    }

    /** Blocks until the broker has it; throws if it does not take it. */
    public void write(CategoryTemplate template) {
        templates.sendMessageAndAwait(TracedRecords.of(CategoryTemplate.key(template.category()), template));
        follower.written(template);
    }
}
