package com.catalogimage.scanner.service;

import com.catalogimage.contracts.DeadLetterReason;
import com.catalogimage.contracts.ImageRequest;
import com.catalogimage.contracts.OperatorText;
import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.contracts.ProductStatus.State;
import com.catalogimage.scanner.messaging.DeadLetter;
import com.catalogimage.scanner.messaging.RequestPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Replays dead letters as new requests (origin REPLAY, attempt + 1), optionally with an operator's prompt or template
 * (cleaned and bounded by {@link OperatorText}).
 * The new request id is derived from the dead letter, so replaying the same dead letter twice yields one request: the
 * second replay finds that id in the status topic (REQUESTED is written with the request, in one transaction) and stops.
 */
@ApplicationScoped
public class ReplayService {

    private static final Logger LOG = Logger.getLogger(ReplayService.class);

    private final DeadLetterService deadLetters;
    private final StatusStore statuses;
    private final RequestPublisher publisher;
    private final MeterRegistry metrics;

    public ReplayService(DeadLetterService deadLetters, StatusStore statuses, RequestPublisher publisher,
            MeterRegistry metrics) {
        this.deadLetters = deadLetters;
        this.statuses = statuses;
        this.publisher = publisher;
        this.metrics = metrics;
    }

    /** What to replay and how. Either {@code ids} or a non-empty {@code filter}. */
    public record Command(List<String> ids, DeadLetterFilter filter, Map<String, String> promptOverrides,
            String templateOverride, boolean force) {
    }

    public enum Outcome {
        REPLAYED, ALREADY_REPLAYED, REFUSED, FAILED
    }

    /** What happened to one selected dead letter. */
    public record Result(String id, Long productId, Outcome outcome, String requestId, String reason) {
    }

    /** Replays run one at a time: two operators replaying the same dead letter at once still yield one request. */
    public synchronized List<Result> replay(Command command) {
        List<Result> results = new ArrayList<>();
        List<DeadLetter> selected;
        if (command.ids() != null && !command.ids().isEmpty()) {
            Set<String> ids = new LinkedHashSet<>(command.ids());
            selected = deadLetters.find(ids);
            Set<String> found = selected.stream().map(DeadLetter::id).collect(Collectors.toSet());
            ids.stream().filter(id -> !found.contains(id))
                    .forEach(id -> results.add(new Result(id, null, Outcome.REFUSED, null, "no such dead letter")));
        } else {
            selected = deadLetters.find(command.filter());
        }
        // Newest first: when one product has several dead letters, its latest attempt is the one replayed.
        for (DeadLetter letter : selected) {
            Result result = replayOne(letter, command);
            metrics.counter("scanner.replays", "outcome", result.outcome().name().toLowerCase().replace('_', '-')).increment();
            results.add(result);
        }
        return results;
    }

    private Result replayOne(DeadLetter letter, Command command) {
        ImageRequest original = letter.request();
        if (original == null || original.product() == null) {
            return refused(letter, "the original record cannot be read (" + letter.reason() + "): there is nothing to replay");
        }
        long productId = original.product().id();
        if (statuses.knowsReplay(productId, letter.replayId())) {
            return new Result(letter.id(), productId, Outcome.ALREADY_REPLAYED, letter.replayId(), null);
        }
        Optional<ProductStatus> last = statuses.get(productId);
        if (last.isPresent() && (last.get().state() == State.COMPLETED || !last.get().state().isFinal())) {
            return refused(letter, "product " + productId + " is " + last.get().state() + " (request "
                    + last.get().requestId() + ")");
        }
        String prompt = OperatorText.prompt(command.promptOverrides() == null ? null
                : command.promptOverrides().get(String.valueOf(productId)));
        String template = OperatorText.prompt(command.templateOverride());
        if (DeadLetterReason.CONTENT_POLICY.name().equals(letter.reason()) && prompt == null && template == null
                && !command.force()) {
            return refused(letter, "a content-policy violation is replayed only with a prompt or template override, or "
                    + "with force: repeated violations can get the Azure resource blocked");
        }
        // Without a new prompt or template the replay keeps the original's (a retried replay stays edited).
        if (prompt == null && template == null) {
            prompt = original.promptOverride();
            template = original.templateOverride();
        }
        ImageRequest request = new ImageRequest(letter.replayId(), original.product(), original.attempt() + 1,
                prompt, ImageRequest.Origin.REPLAY, Instant.now(), prompt == null ? template : null);
        String detail = "replay of dead letter " + letter.id() + " (" + letter.reason() + ")"
                + (request.promptOverride() != null ? " with a prompt override"
                        : request.templateOverride() != null ? " with a template override" : "");
        ProductStatus requested = ProductStatus.of(request, State.REQUESTED, detail, RequestPublisher.STAGE);
        try {
            publisher.batch().request(request, requested, letter.traceparent()).commit();
        } catch (RuntimeException e) {
            LOG.errorf("Replay of dead letter %s (product %d) failed: %s", letter.id(), productId, e.getMessage());
            return new Result(letter.id(), productId, Outcome.FAILED, request.requestId(), e.getMessage());
        }
        statuses.record(requested);
        LOG.infof("Dead letter %s (product %d, %s from %s) replayed as %s, attempt %d%s", letter.id(), productId,
                letter.reason(), letter.stage(), request.requestId(), request.attempt(),
                detail.substring(detail.indexOf(')') + 1));
        return new Result(letter.id(), productId, Outcome.REPLAYED, request.requestId(), null);
    }

    private static Result refused(DeadLetter letter, String why) {
        return new Result(letter.id(), letter.productId(), Outcome.REFUSED, null, why);
    }
}
