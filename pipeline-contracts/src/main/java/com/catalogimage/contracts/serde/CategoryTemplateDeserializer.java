package com.catalogimage.contracts.serde;

import com.catalogimage.contracts.CategoryTemplate;

/** For readers of {@code category-templates} ({@link CategoryTemplate}). */
public class CategoryTemplateDeserializer extends JsonDeserializer<CategoryTemplate> {
    public CategoryTemplateDeserializer() {
        super(CategoryTemplate.class);
    }
}
