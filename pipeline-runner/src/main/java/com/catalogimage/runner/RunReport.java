package com.catalogimage.runner;

import com.catalogimage.contracts.AltText;
import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.contracts.ProductStatus.ReasonCode;
import com.catalogimage.contracts.ProductStatus.State;
import com.catalogimage.contracts.QualityVerdict;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The end-of-run report: every product's outcome with its reason, this run's movements, the cost at list price, the
 * quality check's verdicts and the alt text of the products completed in this run.
 *
 * @param byState  products per latest state (every product the pipeline has touched, this run or before)
 * @param byReason products per skip or dead-letter reason, with their ids, names and details
 * @param quality  this run's quality verdicts
 * @param altTexts the products completed in this run, {@code #id name: alt text}, in id order
 */
public record RunReport(Duration elapsed, Map<State, Integer> byState, Map<ReasonCode, List<String>> byReason,
        Map<State, Integer> thisRun, BigDecimal costUsd, int imagesInCatalog, int productsInCatalog, String exampleUrl,
        String model, Quality quality, List<String> altTexts) {

    /** How many completed products' alt text the report lists; the rest are counted. */
    static final int ALT_TEXT_LINES = 20;

    /**
     * This run's quality verdicts: those on GENERATED (one per image published) and on a QUALITY_REJECTED dead letter
     * (an image that failed its checks and was not published). Images without a verdict (a generator older than the
     * check) count as not checked.
     *
     * @param chatUsd what the checks cost at list price (the verdicts' costUsd), part of the run's cost
     */
    public record Quality(int passed, int failed, int notChecked, int regenerations, BigDecimal chatUsd) {

        static final Quality NONE = new Quality(0, 0, 0, 0, BigDecimal.ZERO);

        static Quality of(List<ProductStatus> history) {
            int passed = 0;
            int failed = 0;
            int notChecked = 0;
            int regenerations = 0;
            BigDecimal chat = BigDecimal.ZERO;
            for (ProductStatus status : history) {
                boolean judged = status.state() == State.GENERATED
                        || status.state() == State.DEAD_LETTERED && status.reason() == ReasonCode.QUALITY_REJECTED;
                if (!judged) {
                    continue;
                }
                QualityVerdict verdict = status.verdict();
                QualityVerdict.Outcome outcome = verdict == null || verdict.outcome() == null
                        ? QualityVerdict.Outcome.NOT_CHECKED : verdict.outcome();
                switch (outcome) {
                    case PASSED -> passed++;
                    case FAILED -> failed++;
                    case NOT_CHECKED -> notChecked++;
                }
                if (verdict != null) {
                    regenerations += verdict.regenerations();
                    if (verdict.costUsd() != null) {
                        chat = chat.add(verdict.costUsd());
                    }
                }
            }
            return new Quality(passed, failed, notChecked, regenerations, chat);
        }

        int judged() {
            return passed + failed + notChecked;
        }
    }

    /** The report as it was before the quality check: no verdicts, no alt text. */
    public RunReport(Duration elapsed, Map<State, Integer> byState, Map<ReasonCode, List<String>> byReason,
            Map<State, Integer> thisRun, BigDecimal costUsd, int imagesInCatalog, int productsInCatalog, String exampleUrl,
            String model) {
        this(elapsed, byState, byReason, thisRun, costUsd, imagesInCatalog, productsInCatalog, exampleUrl, model,
                Quality.NONE, List.of());
    }

    /**
     * The products this run completed, with the alt text their COMPLETED carries, cleaned again and so bounded
     * ({@link AltText}: it came from a model that echoes product text); products without one are left out.
     */
    static List<String> altTexts(List<ProductStatus> history, Map<Long, String> names) {
        Map<Long, String> latest = new TreeMap<>();
        for (ProductStatus status : history) {
            if (status.state() == State.COMPLETED && status.verdict() != null) {
                String alt = AltText.clean(status.verdict().altText());
                if (alt != null) {
                    latest.put(status.productId(), alt);
                }
            }
        }
        List<String> lines = new ArrayList<>();
        latest.forEach((id, alt) -> lines.add("#" + id + " " + names.getOrDefault(id, "?") + ": " + alt));
        return lines;
    }

    static RunReport of(PipelineRunner runner, CatalogNames catalog) {
        Map<Long, ProductStatus> latest = runner.board().latest();
        Map<State, Integer> byState = new EnumMap<>(State.class);
        Map<ReasonCode, List<String>> byReason = new TreeMap<>();
        latest.values().stream().sorted(Comparator.comparingLong(ProductStatus::productId)).forEach(status -> {
            byState.merge(status.state(), 1, Integer::sum);
            if (status.reason() != null) {
                String name = catalog.names().getOrDefault(status.productId(), "?");
                byReason.computeIfAbsent(status.reason(), reason -> new ArrayList<>()).add("#" + status.productId() + " "
                        + name + (status.detail() == null ? "" : " (" + status.detail() + ")"));
            }
        });
        String example = latest.values().stream().filter(status -> status.state() == State.COMPLETED)
                .map(status -> catalog.imageUrls().get(status.productId())).filter(url -> url != null && !url.isBlank())
                .findFirst().orElse(null);
        int withImage = (int) catalog.imageUrls().values().stream().filter(url -> !url.isBlank()).count();
        String model = runner.serviceEnvironment().getOrDefault("IMAGE_MODEL", "gpt-image-2") + ", "
                + runner.serviceEnvironment().getOrDefault("IMAGE_QUALITY", "low") + ", "
                + runner.serviceEnvironment().getOrDefault("IMAGE_SIZE", "1024x1024");
        List<ProductStatus> history = runner.board().history();
        return new RunReport(Duration.between(runner.started(), Instant.now()), byState, byReason,
                runner.board().eventsSince(), runner.board().costSince(), withImage, catalog.names().size(), example, model,
                Quality.of(history), altTexts(history, catalog.names()));
    }

    /** A state as the report names it: waiting for a reviewer is not an outcome yet, and reads as such. */
    static String label(State state) {
        return state == State.AWAITING_REVIEW ? "awaiting review" : state.name();
    }

    public String render() {
        StringBuilder out = new StringBuilder();
        out.append("== Run report (").append(elapsed.toSeconds()).append(" s) ==\n");
        out.append("This run: ").append(thisRun.isEmpty() ? "nothing new: every product was already handled"
                : thisRun.entrySet().stream()
                        .map(entry -> entry.getKey().name().toLowerCase().replace('_', '-') + " " + entry.getValue())
                        .collect(Collectors.joining(", "))).append('\n');
        out.append("Every product the pipeline has handled, by outcome:\n");
        byState.forEach((state, count) -> out.append(String.format("  %-15s %5d%n", label(state), count)));
        byReason.forEach((reason, products) -> {
            out.append(String.format("  %-20s %3d:%n", reason, products.size()));
            products.forEach(product -> out.append("      ").append(product).append('\n'));
        });
        int generated = thisRun.getOrDefault(State.GENERATED, 0);
        out.append(String.format("Cost at list price (%s): %d images, $%s on Azure%n", model, generated,
                costUsd.setScale(3, RoundingMode.HALF_UP).toPlainString()));
        if (quality.judged() > 0) {
            out.append(String.format("Quality check: %d passed, %d failed, %d not checked; %d regenerated; chat $%s"
                            + " (in the cost above)%n", quality.passed(), quality.failed(), quality.notChecked(),
                    quality.regenerations(), quality.chatUsd().setScale(4, RoundingMode.HALF_UP).toPlainString()));
        }
        if (!altTexts.isEmpty()) {
            out.append("Alt text of the products completed in this run:\n");
            altTexts.stream().limit(ALT_TEXT_LINES).forEach(line -> out.append("  ").append(line).append('\n'));
            if (altTexts.size() > ALT_TEXT_LINES) {
                out.append("  … and ").append(altTexts.size() - ALT_TEXT_LINES).append(" more\n");
            }
        }
        if (productsInCatalog > 0) {
            out.append(String.format("Catalog: %d products, %d with an image%n", productsInCatalog, imagesInCatalog));
        }
        if (exampleUrl != null) {
            out.append("For example: ").append(exampleUrl).append('\n');
        }
        return out.toString();
    }
}
