package com.catalogimage.console.service;

import com.catalogimage.console.messaging.CategoryTemplateFollower;
import com.catalogimage.contracts.CategoryTemplate;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What the playground offers to choose from: the catalog's categories as the console knows them (the stored images'
 * metadata, and the categories that have a template), and a category's products that have an image (its cards), so a
 * template is tried on products whose current image can be compared with the preview.
 */
@ApplicationScoped
public class Playground {

    /** How many of a category's products are offered for previews. */
    static final int PRODUCTS_OFFERED = 12;

    /** A suggested template as the page shows it (the chat library's idea, copied: the page's own type). */
    public record Idea(String name, String style, String template) {
    }

    /** A product to preview on. */
    public record Choice(long productId, String name) {
    }

    private final BlobIndex index;
    private final CategoryTemplateFollower templates;

    public Playground(BlobIndex index, CategoryTemplateFollower templates) {
        this.index = index;
        this.templates = templates;
    }

    /** Every category known, by name (case-insensitive, one spelling each). */
    public List<String> categories() {
        TreeSet<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        names.addAll(index.snapshot().categories());
        templates.current().forEach(template -> names.add(template.category()));
        return List.copyOf(names);
    }

    /** The known category's own spelling of this name, or the name as given (null when blank). */
    public String canonical(String category) {
        if (category == null || category.isBlank()) {
            return null;
        }
        String key = CategoryTemplate.key(category);
        return categories().stream().filter(name -> CategoryTemplate.key(name).equals(key)).findFirst()
                .orElse(category.strip());
    }

    /** The category's products with an image, newest first, at most {@link #PRODUCTS_OFFERED}. */
    public List<Choice> products(String category) {
        if (category == null || category.isBlank()) {
            return List.of();
        }
        String key = CategoryTemplate.key(category);
        Map<Long, Choice> found = new LinkedHashMap<>();
        for (GalleryImage image : index.snapshot().images()) {
            if (image.productId() != null && image.category() != null && CategoryTemplate.key(image.category()).equals(key)
                    && found.size() < PRODUCTS_OFFERED) {
                found.putIfAbsent(image.productId(), new Choice(image.productId(),
                        image.productName() == null ? "product " + image.productId() : image.productName()));
            }
        }
        return new ArrayList<>(found.values());
    }

    /** The category's own template, or null when it uses the configured one. */
    public String template(String category) {
        if (category == null) {
            return null;
        }
        String key = CategoryTemplate.key(category);
        return templates.current().stream().filter(t -> CategoryTemplate.key(t.category()).equals(key))
                .map(CategoryTemplate::template).findFirst().orElse(null);
    }

}
