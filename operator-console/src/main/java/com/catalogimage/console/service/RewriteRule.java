package com.catalogimage.console.service;

import com.catalogimage.console.client.DeadLetterListing;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What {@code POLICY_REWRITE=auto} does with one product's content-policy dead letters. Decided from the dead letters
 * alone (and the product's latest status), never from what this process remembers, so a restarted console decides the
 * same: a replay marks its dead letter replayed (the scanner's replay request id), and a replayed rewrite that is
 * refused again comes back as a dead letter whose request carries the rewrite as its prompt override.
 * <ul>
 * <li>a product whose latest refusal has been replayed, or that is not dead-lettered now (its latest status is for
 * another request), needs nothing;</li>
 * <li>a product with a refused prompt override (a rewrite or an operator's edited prompt, refused in its turn) is left
 * to a person: repeated refusals can get the Azure resource blocked;</li>
 * <li>otherwise (the first refusal) its newest dead letter gets one rewrite, replayed only if it differs from every
 * prompt of the product's dead letters ({@link #replayable}).</li>
 * </ul>
 */
public final class RewriteRule {

    /** What to do. */
    public enum Action {
        NOTHING, LEAVE_TO_PERSON, REWRITE
    }

    /**
     * @param action what to do
     * @param letter the dead letter to rewrite and replay, for {@link Action#REWRITE}
     * @param why    one line for the log
     */
    public record Decision(Action action, DeadLetterListing.Entry letter, String why) {
    }

    private RewriteRule() {
    }

    /**
     * @param letters                 the product's dead letters (any reason; only content-policy ones count)
     * @param deadLetteredRequestId   the request id of the product's latest status when that is DEAD_LETTERED, else null
     */
    public static Decision decide(List<DeadLetterListing.Entry> letters, String deadLetteredRequestId) {
        List<DeadLetterListing.Entry> refused = letters.stream().filter(DeadLetterListing.Entry::contentPolicy).toList();
        Optional<DeadLetterListing.Entry> newest = refused.stream().max(Comparator.comparing(
                DeadLetterListing.Entry::timestamp, Comparator.nullsFirst(Comparator.naturalOrder())));
        if (newest.isEmpty()) {
            return new Decision(Action.NOTHING, null, "no content-policy dead letter");
        }
        DeadLetterListing.Entry latest = newest.get();
        if (latest.replayed()) {
            return new Decision(Action.NOTHING, null, "its refusal " + latest.id() + " was replayed");
        }
        if (deadLetteredRequestId == null || !deadLetteredRequestId.equals(latest.requestId())) {
            return new Decision(Action.NOTHING, null, "not dead-lettered by " + latest.id() + " now");
        }
        boolean rewriteRefused = refused.stream()
                .anyMatch(letter -> letter.promptOverride() != null && !letter.promptOverride().isBlank());
        if (rewriteRefused) {
            return new Decision(Action.LEAVE_TO_PERSON, latest, "a rewritten prompt was refused too");
        }
        return new Decision(Action.REWRITE, latest, "first refusal");
    }

    /** Whether a rewrite may be replayed: it differs, normalised, from every prompt the product's refusals carried. */
    public static boolean replayable(String rewrite, List<DeadLetterListing.Entry> letters) {
        String candidate = RefusedPrompt.normalised(rewrite);
        if (candidate.isEmpty()) {
            return false;
        }
        Set<String> refused = letters.stream().filter(DeadLetterListing.Entry::contentPolicy)
                .map(RefusedPrompt::of).map(RefusedPrompt::normalised).collect(Collectors.toSet());
        return !refused.contains(candidate);
    }
}
