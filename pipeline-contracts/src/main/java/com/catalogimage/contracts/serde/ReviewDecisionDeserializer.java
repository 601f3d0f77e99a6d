package com.catalogimage.contracts.serde;

import com.catalogimage.contracts.ReviewDecision;

/** For {@code value.deserializer} of channels carrying {@link ReviewDecision}. */
public class ReviewDecisionDeserializer extends JsonDeserializer<ReviewDecision> {
    public ReviewDecisionDeserializer() {
        super(ReviewDecision.class);
    }
}
