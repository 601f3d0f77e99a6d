package com.catalogimage.uploader.messaging;

import com.catalogimage.messaging.failure.FailurePolicy;
import com.catalogimage.messaging.pause.ConsumptionPause;

/**
 * The pause and failure policy of the review-decisions channel, apart from the generated-images channel's: each pause
 * pauses its own channel, and the two are injected by type.
 *
 * @param pause  held while the status topic is read at start, and while storage refuses us
 * @param policy dead-letters malformed decisions
 */
public record ReviewChannel(ConsumptionPause pause, FailurePolicy policy) {
}
