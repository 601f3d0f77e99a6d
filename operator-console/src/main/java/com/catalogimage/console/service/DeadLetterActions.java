package com.catalogimage.console.service;

import com.catalogimage.console.client.ReplayCommand;
import com.catalogimage.console.client.ReplayReport;
import com.catalogimage.console.client.ScannerAnswers;
import com.catalogimage.console.client.ScannerClient;
import com.catalogimage.contracts.OperatorText;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Replays through the scanner's {@code POST /dead-letters/replay}, the one replay logic (idempotent: a dead letter
 * replayed twice yields one request), and turns its report into a line for the person. Never with force: a
 * content-policy violation replayed unchanged is refused by the scanner, and the console offers no way around that
 * (repeated violations can get the Azure resource blocked; the API's force is for an operator who has read the case).
 */
@ApplicationScoped
public class DeadLetterActions {

    private static final Logger LOG = Logger.getLogger(DeadLetterActions.class);

    /** Refusal reasons quoted in the flash, at most. */
    private static final int QUOTED = 3;
    /** The scanner's largest listing ({@code dead-letters.max-limit}), to find the products of selected dead letters. */
    private static final int LISTING = 1000;

    private final ScannerClient scanner;

    public DeadLetterActions(@RestClient ScannerClient scanner) {
        this.scanner = scanner;
    }

    /**
     * @param ids       the dead letters
     * @param productId the product of a single row's replay, needed for its prompt; null for a selection
     * @param prompt    a whole prompt for that product, or blank
     * @param template  a template for every selected product without a prompt, or blank
     */
    public ActionOutcome replay(List<String> ids, Long productId, String prompt, String template) {
        List<String> selected = ids == null ? List.of() : List.copyOf(new LinkedHashSet<>(ids.stream()
                .filter(id -> id != null && !id.isBlank()).map(String::strip).toList()));
        if (selected.isEmpty()) {
            return new ActionOutcome(false, "Nothing selected");
        }
        String cleanPrompt = OperatorText.prompt(prompt);
        try {
            Map<String, String> prompts = cleanPrompt == null ? Map.of()
                    : productsOf(selected, productId).stream().collect(Collectors.toMap(String::valueOf, id -> cleanPrompt));
            ReplayCommand command = ReplayCommand.of(selected, prompts, OperatorText.prompt(template));
            ReplayReport report = scanner.replay(command);
            return new ActionOutcome(report.replayed() + report.alreadyReplayed() > 0, summary(report));
        } catch (RuntimeException e) {
            String why = ScannerAnswers.message(e);
            LOG.warnf("Replay of %s failed: %s", selected, why);
            return new ActionOutcome(false, "Nothing replayed: " + why);
        }
    }

    /**
     * The products a prompt is for: the row's product, else those of the selected dead letters as the scanner lists
     * them (a form that names only the dead letter, as the product page's does).
     */
    private List<Long> productsOf(List<String> ids, Long productId) {
        if (productId != null) {
            return List.of(productId);
        }
        return scanner.deadLetters(null, null, null, null, null, LISTING).deadLetters().stream()
                .filter(letter -> ids.contains(letter.id()) && letter.productId() != null)
                .map(letter -> letter.productId()).distinct().toList();
    }

    /** "Replayed 2, already replayed 1, refused 1 (3-17: …)". */
    static String summary(ReplayReport report) {
        StringBuilder line = new StringBuilder("Replayed ").append(report.replayed())
                .append(", already replayed ").append(report.alreadyReplayed())
                .append(", refused ").append(report.refused());
        if (report.failed() > 0) {
            line.append(", failed ").append(report.failed());
        }
        String reasons = report.results().stream()
                .filter(result -> "REFUSED".equals(result.outcome()) || "FAILED".equals(result.outcome()))
                .limit(QUOTED).map(result -> result.id() + ": " + result.reason())
                .collect(Collectors.joining("; "));
        if (!reasons.isEmpty()) {
            line.append(" (").append(reasons).append(')');
        }
        return line.toString();
    }
}
