package com.catalogimage.console.service;

import com.catalogimage.console.client.DeadLetterListing;
import com.catalogimage.console.client.ScannerAnswers;
import com.catalogimage.console.client.ScannerClient;
import com.catalogimage.console.config.ConsoleConfig;
import com.catalogimage.console.messaging.ConsoleStatus;
import com.catalogimage.contracts.ProductStatus;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * {@code POLICY_REWRITE=auto}: every {@code console.policy-rewrite.interval}, on the scheduler's worker thread (the chat
 * call blocks), each product's content-policy dead letters are looked at and {@link RewriteRule} decides; a rewrite
 * goes through the scanner's replay like an operator's. Each outcome is logged and counted
 * ({@code console.policy.rewrites{outcome}}: replayed, repeated, left-to-person, chat-failed, replay-failed).
 * <p>
 * What was replayed is the dead letters' to say (restart-safe); what this process remembers is only which dead letters
 * it already asked the chat model about, so a rewrite that was not replayable, or that the chat model refused, is not
 * paid for every minute (after a restart it is asked once more, and still never replayed twice). A throttled or
 * unavailable chat model, or a spent chat budget, is asked again at the next pass.
 */
@ApplicationScoped
public class AutoRewrite {

    private static final Logger LOG = Logger.getLogger(AutoRewrite.class);
    /** The scanner's largest listing ({@code dead-letters.max-limit}). */
    private static final int LISTING = 1000;

    private final ConsoleConfig config;
    private final ScannerClient scanner;
    private final ConsoleStatus statuses;
    private final RewriteService rewrites;
    private final DeadLetterActions actions;
    private final MeterRegistry meters;
    private final Set<String> looked = ConcurrentHashMap.newKeySet();

    public AutoRewrite(ConsoleConfig config, @RestClient ScannerClient scanner, ConsoleStatus statuses,
            RewriteService rewrites, DeadLetterActions actions, MeterRegistry meters) {
        this.config = config;
        this.scanner = scanner;
        this.statuses = statuses;
        this.rewrites = rewrites;
        this.actions = actions;
        this.meters = meters;
    }

    @Scheduled(every = "${console.policy-rewrite.interval}", delayed = "${console.policy-rewrite.interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (config.policyRewrite().mode() == ConsoleConfig.PolicyRewrite.Mode.AUTO) {
            runOnce();
        }
    }

    /** One pass over the content-policy dead letters; returns how many rewrites were replayed. */
    public int runOnce() {
        List<DeadLetterListing.Entry> letters;
        try {
            letters = scanner.deadLetters(DeadLetterListing.CONTENT_POLICY, null, null, null, null, LISTING).deadLetters();
        } catch (RuntimeException e) {
            LOG.debugf("Automatic rewrites skipped: the dead letters could not be read: %s", ScannerAnswers.message(e));
            return 0;
        }
        Map<Long, List<DeadLetterListing.Entry>> byProduct = letters.stream().filter(l -> l.productId() != null)
                .collect(Collectors.groupingBy(DeadLetterListing.Entry::productId, LinkedHashMap::new, Collectors.toList()));
        int replayed = 0;
        for (Map.Entry<Long, List<DeadLetterListing.Entry>> product : byProduct.entrySet()) {
            String deadLettered = statuses.latest(product.getKey())
                    .filter(status -> status.state() == ProductStatus.State.DEAD_LETTERED)
                    .map(ProductStatus::requestId).orElse(null);
            RewriteRule.Decision decision = RewriteRule.decide(product.getValue(), deadLettered);
            if (decision.action() == RewriteRule.Action.NOTHING || !looked.add(decision.letter().id())) {
                continue;
            }
            if (decision.action() == RewriteRule.Action.LEAVE_TO_PERSON) {
                LOG.infof("Product %d: %s; left to a person (dead letter %s)", product.getKey(), decision.why(),
                        decision.letter().id());
                count("left-to-person");
                continue;
            }
            if (replay(product.getKey(), decision.letter(), product.getValue())) {
                replayed++;
            }
        }
        return replayed;
    }

    private boolean replay(long productId, DeadLetterListing.Entry letter, List<DeadLetterListing.Entry> all) {
        RewriteService.Outcome outcome = rewrites.rewrite(letter);
        if (!outcome.ok()) {
            LOG.warnf("Product %d: no automatic rewrite of dead letter %s: %s", productId, letter.id(), outcome.failure());
            count("chat-failed");
            if (outcome.retryable()) {
                looked.remove(letter.id()); // throttled, unavailable or over budget: the next pass asks again
            }
            return false;
        }
        String prompt = outcome.rewrite().prompt();
        if (!RewriteRule.replayable(prompt, all)) {
            LOG.warnf("Product %d: the rewrite of dead letter %s is a prompt already refused; not replayed", productId,
                    letter.id());
            count("repeated");
            return false;
        }
        ActionOutcome replay = actions.replay(List.of(letter.id()), productId, prompt, null);
        LOG.infof("Product %d: dead letter %s replayed with a rewritten prompt (%s): %s", productId, letter.id(),
                outcome.rewrite().explanation(), replay.message());
        count(replay.done() ? "replayed" : "replay-failed");
        return replay.done();
    }

    private void count(String outcome) {
        meters.counter("console.policy.rewrites", "outcome", outcome).increment();
    }
}
