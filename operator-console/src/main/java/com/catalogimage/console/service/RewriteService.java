package com.catalogimage.console.service;

import com.catalogimage.chat.ChatException;
import com.catalogimage.chat.ChatModel;
import com.catalogimage.chat.Rewrite;
import com.catalogimage.console.client.DeadLetterListing;
import com.catalogimage.console.client.ScannerAnswers;
import com.catalogimage.console.client.ScannerClient;
import com.catalogimage.contracts.FailureClass;
import com.catalogimage.contracts.Product;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Rewrites of prompts the image model refused: the dead letter from the scanner, its refused prompt
 * ({@link RefusedPrompt}), one chat call (blocking: callers are on a worker thread), the spend counted. A failure
 * (content filter, 429, 5xx, no chat endpoint, today's chat budget spent) says why and changes nothing.
 */
@ApplicationScoped
public class RewriteService {

    private static final Logger LOG = Logger.getLogger(RewriteService.class);
    /** The scanner's largest listing, to find a dead letter by id when the form does not name its product. */
    private static final int LISTING = 1000;

    /**
     * A suggestion, or why there is none.
     *
     * @param retryable whether asking again later may succeed (throttled, unavailable, budget spent, not configured),
     *                  as opposed to a refusal by the chat model's own filter or an answer it cannot give
     */
    public record Outcome(Rewrite rewrite, String failure, boolean retryable) {
        public boolean ok() {
            return rewrite != null;
        }

        static Outcome failed(String why, boolean retryable) {
            return new Outcome(null, why, retryable);
        }
    }

    private final ScannerClient scanner;
    private final Instance<ChatModel> chat;
    private final ChatSpend spend;
    private final RewriteSuggestions suggestions;

    public RewriteService(@RestClient ScannerClient scanner, Instance<ChatModel> chat, ChatSpend spend,
            RewriteSuggestions suggestions) {
        this.scanner = scanner;
        this.chat = chat;
        this.spend = spend;
        this.suggestions = suggestions;
    }

    /** An operator's "Suggest a rewrite": the suggestion is kept for the page's replay form. */
    public ActionOutcome suggest(String deadLetterId, Long productId) {
        if (deadLetterId == null || deadLetterId.isBlank()) {
            return new ActionOutcome(false, "No dead letter named");
        }
        Optional<DeadLetterListing.Entry> found;
        try {
            found = find(deadLetterId.strip(), productId);
        } catch (RuntimeException e) {
            return new ActionOutcome(false, "No suggestion: the dead letters could not be read: " + ScannerAnswers.message(e));
        }
        if (found.isEmpty()) {
            return new ActionOutcome(false, "No suggestion: dead letter " + deadLetterId + " is not listed");
        }
        DeadLetterListing.Entry letter = found.get();
        if (!letter.contentPolicy()) {
            return new ActionOutcome(false, "No suggestion: only prompts the image model refused get a rewrite");
        }
        Outcome outcome = rewrite(letter);
        if (!outcome.ok()) {
            return new ActionOutcome(false, "No suggestion: " + outcome.failure());
        }
        suggestions.put(letter.id(), new RewriteSuggestions.Suggestion(outcome.rewrite().prompt(),
                outcome.rewrite().explanation()));
        return new ActionOutcome(true, "Rewrite suggested for " + name(letter) + ": edit it or keep it, then replay");
    }

    /** One rewrite of a content-policy dead letter's prompt, counted; never throws. */
    public Outcome rewrite(DeadLetterListing.Entry letter) {
        Optional<String> refusal = spend.refusal();
        if (refusal.isPresent()) {
            return Outcome.failed(refusal.get(), true);
        }
        String refused = RefusedPrompt.of(letter);
        if (refused == null) {
            return Outcome.failed("the dead letter does not say what was asked for", false);
        }
        try {
            Rewrite rewrite = chat.get().rewrite(refused, productOf(letter), letter.cause());
            spend.record(ChatSpend.REWRITE, rewrite.usage());
            if (rewrite.prompt() == null || rewrite.prompt().isBlank()) {
                return Outcome.failed("the chat model suggested nothing", false);
            }
            return new Outcome(rewrite, null, false);
        } catch (ChatException e) {
            LOG.warnf("Rewrite of dead letter %s failed (%s): %s", letter.id(), e.failureClass(), e.getMessage());
            boolean retryable = e.failureClass() != FailureClass.POLICY && e.failureClass() != FailureClass.INVALID_REQUEST;
            return Outcome.failed("the chat model failed (" + describe(e) + "): " + e.getMessage(), retryable);
        } catch (RuntimeException e) {
            // No endpoint configured, or a client that could not be built: nothing was asked, nothing changes.
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            LOG.warnf("Rewrite of dead letter %s: the chat model is not available: %s", letter.id(), cause.getMessage());
            return Outcome.failed("the chat model is not available: " + cause.getMessage(), true);
        }
    }

    private Optional<DeadLetterListing.Entry> find(String id, Long productId) {
        List<DeadLetterListing.Entry> letters = productId != null ? scanner.deadLettersOf(productId).deadLetters()
                : scanner.deadLetters(DeadLetterListing.CONTENT_POLICY, null, null, null, null, LISTING).deadLetters();
        return letters.stream().filter(letter -> id.equals(letter.id())).findFirst();
    }

    private static Product productOf(DeadLetterListing.Entry letter) {
        if (letter.product() != null) {
            return letter.product();
        }
        return new Product(letter.productId() == null ? 0 : letter.productId(), letter.productName(), null, null, null,
                null);
    }

    private static String name(DeadLetterListing.Entry letter) {
        return letter.productName() != null ? letter.productName() : "product " + letter.productId();
    }

    private static String describe(ChatException e) {
        if (e.failureClass() == null) {
            return "error";
        }
        return switch (e.failureClass()) {
            case POLICY -> "its content filter";
            case THROTTLED -> "rate limited, try again in a minute";
            case TRANSIENT -> "unavailable";
            default -> e.failureClass().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        };
    }
}
