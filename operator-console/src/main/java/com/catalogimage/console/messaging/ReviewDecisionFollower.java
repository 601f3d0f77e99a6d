package com.catalogimage.console.messaging;

import com.catalogimage.contracts.ReviewDecision;
import com.catalogimage.contracts.ReviewDecision.Verdict;
import com.catalogimage.contracts.Topics;
import com.catalogimage.contracts.serde.ReviewDecisionDeserializer;
import com.catalogimage.messaging.status.TopicFollower;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;

/**
 * The reviewers' decisions (who, when, what) from {@code review-decisions}, read from the start at every start and then
 * followed: the page's recent decisions, and per image request the latest verdict given on it, which keeps a second
 * reviewer (or a second console) from deciding an image again. A decision this console writes counts at once
 * ({@link #written}), before its echo arrives; the echo is recognised by its decision id.
 */
@ApplicationScoped
public class ReviewDecisionFollower {

    /** Decisions the page lists, newest first. */
    static final int RECENT = 50;

    private final Deque<ReviewDecision> recent = new ArrayDeque<>();
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final Map<String, Verdict> byRequest = new ConcurrentHashMap<>();
    /** Per image request approved with another image than the main one: which ({@code ReviewDecision.variant}). */
    private final Map<String, Integer> publishedVariant = new ConcurrentHashMap<>();
    private TopicFollower<ReviewDecision> follower;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafka;

    void start(@Observes StartupEvent start) {
        follower = new TopicFollower<>(TopicFollower.connection(kafka), Topics.REVIEW_DECISIONS,
                "operator-console-review-decisions", new ReviewDecisionDeserializer(), this::apply).start();
    }

    void stop(@Observes ShutdownEvent stop) {
        if (follower != null) {
            follower.close();
        }
    }

    void apply(ConsumerRecords<String, ReviewDecision> records) {
        for (ConsumerRecord<String, ReviewDecision> record : records) {
            if (record.value() != null) {
                remember(record.value());
            }
        }
    }

    /** A decision this console has just written: it counts before the topic gives it back. */
    public void written(ReviewDecision decision) {
        remember(decision);
    }

    private void remember(ReviewDecision decision) {
        if (decision.decisionId() == null || decision.verdict() == null || !seen.add(decision.decisionId())) {
            return;
        }
        String requestId = decision.image() == null || decision.image().request() == null ? null
                : decision.image().request().requestId();
        if (requestId != null) {
            // An approve or reject stands over a regenerate given before it (whose scanner call failed).
            byRequest.merge(requestId, decision.verdict(), (old, now) -> now == Verdict.REGENERATE ? old : now);
            if (decision.verdict() == Verdict.APPROVE && decision.variant() > 0) {
                publishedVariant.putIfAbsent(requestId, decision.variant());
            }
        }
        synchronized (recent) {
            recent.addFirst(decision);
            while (recent.size() > RECENT) {
                recent.removeLast();
            }
        }
    }

    /** The verdict given on the image of this request, if any. */
    /** The variant an approval published for the request, if one other than the main image was. */
    public Optional<Integer> publishedVariant(String requestId) {
        return requestId == null ? Optional.empty() : Optional.ofNullable(publishedVariant.get(requestId));
    }

    public Optional<Verdict> verdictOn(String requestId) {
        return requestId == null ? Optional.empty() : Optional.ofNullable(byRequest.get(requestId));
    }

    /** The latest decisions, newest first (in the order this console learnt of them). */
    public List<ReviewDecision> recent() {
        synchronized (recent) {
            return List.copyOf(recent);
        }
    }

    /** Whether the topic has been read to where it ended at the start. */
    public boolean caughtUp() {
        return follower != null && follower.caughtUp();
    }
}
