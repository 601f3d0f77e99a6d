package com.catalogimage.console.messaging;

import com.catalogimage.contracts.ReviewDecision;
import com.catalogimage.messaging.tracing.TracedRecords;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;

/**
 * Writes reviewers' decisions to {@code review-decisions}, keyed by product id (so a product's decisions keep their
 * order), and waits for the broker's acknowledgement: the page says "approved" only once the decision is in Kafka.
 */
@ApplicationScoped
public class ReviewDecisionPublisher {

    /** The outgoing channel (application.properties). */
    public static final String CHANNEL = "review-decisions-out";

    private final MutinyEmitter<ReviewDecision> decisions;
    private final ReviewDecisionFollower follower;

    public ReviewDecisionPublisher(@Channel(CHANNEL) MutinyEmitter<ReviewDecision> decisions,
            ReviewDecisionFollower follower) {
        this.decisions = decisions;
        this.follower = follower;
    }

    /** Blocks until the broker has it; throws if it does not take it. */
    public void write(ReviewDecision decision) {
        decisions.sendMessageAndAwait(TracedRecords.of(String.valueOf(decision.productId()), decision));
        follower.written(decision);
    }
}
