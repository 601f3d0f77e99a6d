package com.catalogimage.generator.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.catalogimage.contracts.ImageRequest;
import com.catalogimage.contracts.ImageRequest.Origin;
import com.catalogimage.contracts.Product;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RequestDecisionTest {

    static final Instant ASKED = Instant.parse("2026-12-01T10:00:00Z");

    private static ImageRequest request(Origin origin) {
        return new ImageRequest("r1", new Product(7, "Teapot", "A white porcelain teapot.", 1, "Kitchen", null), 1,
                null, origin, ASKED);
    }

    @Test
    void aNewRequestIsGenerated() {
        assertThat(RequestDecision.decide(request(Origin.SCAN), false, false, null)).isEqualTo(RequestDecision.GENERATE);
        assertThat(RequestDecision.decide(request(Origin.SCAN), false, false, ASKED.minusSeconds(1)))
                .isEqualTo(RequestDecision.GENERATE);
    }

    @Test
    void aRequestIdWithAnImageOrInFlightIsADuplicate() {
        assertThat(RequestDecision.decide(request(Origin.REPLAY), true, false, null)).isEqualTo(RequestDecision.DUPLICATE);
    }

    @Test
    void aScanRequestMadeBeforeTheProductsImageIsSupersededButAReplayNever() {
        assertThat(RequestDecision.decide(request(Origin.SCAN), false, false, ASKED)).isEqualTo(RequestDecision.SUPERSEDED);
        assertThat(RequestDecision.decide(request(Origin.REPLAY), false, false, ASKED.plusSeconds(60)))
                .isEqualTo(RequestDecision.GENERATE);
    }

    @Test
    void anImagePaidForButNotPublishedIsPublishedFromWhatIsHeldNeverGeneratedAgain() {
        // The request id counts as generated (its cost is in today's budget), yet no one has the image but this instance.
        assertThat(RequestDecision.decide(request(Origin.SCAN), true, true, ASKED)).isEqualTo(RequestDecision.PUBLISH_HELD);
    }
}
