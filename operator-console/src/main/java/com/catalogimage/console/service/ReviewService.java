package com.catalogimage.console.service;

import com.catalogimage.console.client.RequestAgain;
import com.catalogimage.console.client.ScannerAnswers;
import com.catalogimage.console.client.ScannerClient;
import com.catalogimage.console.messaging.AwaitingReviewFollower;
import com.catalogimage.console.messaging.ConsoleStatus;
import com.catalogimage.console.messaging.ReviewDecisionFollower;
import com.catalogimage.console.messaging.ReviewDecisionPublisher;
import com.catalogimage.contracts.OperatorText;
import com.catalogimage.contracts.ReviewDecision;
import com.catalogimage.contracts.ReviewDecision.Verdict;
import com.catalogimage.contracts.StoredImage;
import com.catalogimage.messaging.order.KeyLocks;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Carries a reviewer's decision to Kafka: checks it is still current ({@link ReviewRule}), writes it to
 * {@code review-decisions} (the uploader carries it out), and for a regenerate then asks the scanner for the new request
 * with the edited prompt (docs/decisions/0022). One decision per product at a time, so two clicks at once write one.
 */
@ApplicationScoped
public class ReviewService {

    private static final Logger LOG = Logger.getLogger(ReviewService.class);

    private final ConsoleStatus statuses;
    private final AwaitingReviewFollower pending;
    private final ReviewDecisionFollower decisions;
    private final ReviewDecisionPublisher publisher;
    private final ScannerClient scanner;
    private final KeyLocks locks = new KeyLocks();

    public ReviewService(ConsoleStatus statuses, AwaitingReviewFollower pending, ReviewDecisionFollower decisions,
            ReviewDecisionPublisher publisher, @RestClient ScannerClient scanner) {
        this.statuses = statuses;
        this.pending = pending;
        this.decisions = decisions;
        this.publisher = publisher;
        this.scanner = scanner;
    }

    public ActionOutcome approve(long productId, String formRequestId, String reviewer) {
        return approve(productId, formRequestId, 0, reviewer);
    }

    /**
     * Publishes one of the call's images: {@code variant} 0 the main one, {@code k} its variant k
     * ({@code ReviewDecision.variant}); the others stay in the review container, never published.
     */
    public ActionOutcome approve(long productId, String formRequestId, int variant, String reviewer) {
        return decide(productId, formRequestId, Verdict.APPROVE, null, null, variant, reviewer);
    }

    public ActionOutcome reject(long productId, String formRequestId, String note, String reviewer) {
        return decide(productId, formRequestId, Verdict.REJECT, note, null, 0, reviewer);
    }

    /** Reject and generate again, with the reviewer's prompt (blank: the configured template). */
    public ActionOutcome regenerate(long productId, String formRequestId, String prompt, String note, String reviewer) {
        return decide(productId, formRequestId, Verdict.REGENERATE, note, prompt, 0, reviewer);
    }

    /** Approves each product's waiting image; one line for all. */
    public ActionOutcome approveAll(List<Long> productIds, String reviewer) {
        if (productIds == null || productIds.isEmpty()) {
            return new ActionOutcome(false, "Nothing selected");
        }
        int approved = 0;
        List<String> not = new ArrayList<>();
        for (long productId : new LinkedHashSet<>(productIds)) {
            ActionOutcome outcome = approve(productId, null, reviewer);
            if (outcome.done()) {
                approved++;
            } else {
                not.add(outcome.message());
            }
        }
        return new ActionOutcome(approved > 0, "Approved " + approved + (not.isEmpty() ? "; not approved: "
                + String.join("; ", not) : ""));
    }

    private ActionOutcome decide(long productId, String formRequestId, Verdict verdict, String note, String prompt,
            int variant, String reviewer) {
        try (KeyLocks.Held held = locks.lock(productId)) {
            Optional<StoredImage> image = pending.image(productId);
            String requestId = image.map(i -> i.request().requestId()).orElse(null);
            ReviewRule.Check check = ReviewRule.check(productId, statuses.latest(productId), image, formRequestId,
                    decisions.verdictOn(requestId), verdict);
            String cleanPrompt = OperatorText.prompt(prompt);
            switch (check.action()) {
                case STALE -> {
                    return new ActionOutcome(false, check.reason());
                }
                case REQUEST_ONLY -> {
                    return requestAgain(productId, cleanPrompt, true);
                }
                case WRITE -> {
                    Optional<String> noSuchImage = ReviewRule.variantRefusal(productId, image.get(), variant);
                    if (noSuchImage.isPresent()) {
                        return new ActionOutcome(false, noSuchImage.get());
                    }
                    ReviewDecision decision = new ReviewDecision(UUID.randomUUID().toString(), productId, image.get(),
                            verdict, OperatorText.note(note), verdict == Verdict.REGENERATE ? cleanPrompt : null,
                            OperatorText.note(reviewer), Instant.now(), variant);
                    try {
                        publisher.write(decision);
                    } catch (RuntimeException e) {
                        LOG.errorf("Review decision %s on product %d was not written: %s", verdict, productId,
                                e.getMessage());
                        return new ActionOutcome(false, "Kafka did not take the decision on product " + productId
                                + ": nothing changed, try again");
                    }
                    LOG.infof("Product %d: %s%s by %s (request %s, decision %s)", productId, verdict,
                            variant == 0 ? "" : " of image " + (variant + 1), decision.reviewer(), requestId,
                            decision.decisionId());
                    return switch (verdict) {
                        case APPROVE -> new ActionOutcome(true, "Approved product " + productId
                                + (image.get().variantsOrEmpty().isEmpty() ? "" : ": image " + (variant + 1) + " of "
                                        + (image.get().variantsOrEmpty().size() + 1) + " is published"));
                        case REJECT -> new ActionOutcome(true, "Rejected product " + productId);
                        case REGENERATE -> requestAgain(productId, cleanPrompt, false);
                    };
                }
                default -> throw new IllegalStateException(check.action().name());
            }
        }
    }

    /**
     * The scanner's request again, after the REGENERATE decision is in Kafka. When it fails the product still awaits
     * review (no new request exists), so the same button retries it, without a second decision.
     */
    private ActionOutcome requestAgain(long productId, String prompt, boolean retry) {
        try {
            RequestAgain.Requested requested = scanner.requestAgain(productId, new RequestAgain.Body(prompt, null));
            return new ActionOutcome(true, "Regenerating product " + productId + ": request " + requested.requestId()
                    + ", attempt " + requested.attempt() + (prompt == null ? "" : ", with the edited prompt"));
        } catch (RuntimeException e) {
            String why = ScannerAnswers.message(e);
            LOG.warnf("Product %d: the scanner did not take the regenerate request: %s", productId, why);
            return new ActionOutcome(false, (retry ? "The scanner" : "The regenerate decision on product " + productId
                    + " is recorded, but the scanner") + " did not take the new request (" + why + "): the image still "
                    + "awaits review; press regenerate again to retry");
        }
    }
}
