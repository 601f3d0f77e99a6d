package com.catalogimage.generator.service;

import com.catalogimage.contracts.CategoryTemplate;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The operators' templates per category (the console's playground writes them to {@code category-templates}; the
 * messaging layer's follower feeds them in here): the prompt builder asks for a product's category's template. A
 * record without a template, or a tombstone, returns the category to the configured template.
 */
@ApplicationScoped
public class CategoryTemplates {

    private static final Logger LOG = Logger.getLogger(CategoryTemplates.class);

    private final Map<String, String> byCategory = new ConcurrentHashMap<>();

    /**
     * One record of the topic.
     *
     * @param key   the record's key ({@link CategoryTemplate#key}), used when the value is a tombstone
     * @param value the template record, or null (a tombstone, or a value that could not be read)
     */
    public void apply(String key, CategoryTemplate value) {
        String category = value != null && value.category() != null ? CategoryTemplate.key(value.category()) : key;
        if (category == null) {
            return;
        }
        if (value == null || value.template() == null || value.template().isBlank()) {
            if (byCategory.remove(category) != null) {
                LOG.infof("Category '%s': back to the configured template", category);
            }
        } else if (!value.template().equals(byCategory.put(category, value.template()))) {
            LOG.infof("Category '%s': the template made by %s from now on", category, value.author());
        }
    }

    /** The category's template, or null when it uses the configured one. */
    public String template(String category) {
        return category == null ? null : byCategory.get(CategoryTemplate.key(category));
    }
}
