package com.catalogimage.uploader.review;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** {@code REVIEW_MODE=manual}, with containers of its own so the auto-mode tests' blobs never mix in. */
public class ManualReview implements QuarkusTestProfile {

    static final String CONTAINER = "gate-products";
    static final String REVIEW_CONTAINER = "gate-review";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "uploader.review-mode", "manual",
                "uploader.storage.container", CONTAINER,
                "uploader.storage.review-container", REVIEW_CONTAINER);
    }
}
