package com.catalogimage.console.rest;

import com.catalogimage.contracts.ReviewDecision;
import io.quarkus.qute.TemplateExtension;

/** What pages say about a review decision beyond its fields. */
@TemplateExtension
final class DecisionExtensions {

    private DecisionExtensions() {
    }

    /** The published image as pages number them (1 the main image), for a decision that published another than it. */
    static int publishedImage(ReviewDecision decision) {
        return decision.variant() + 1;
    }
}
