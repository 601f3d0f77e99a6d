package com.catalogimage.runner;

import com.catalogimage.contracts.ProductStatus;
import com.catalogimage.contracts.ProductStatus.ReasonCode;
import com.catalogimage.contracts.ProductStatus.State;
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
 * The end-of-run report: every product's outcome with its reason, this run's movements, and the cost at list price.
 *
 * @param byState  products per latest state (every product the pipeline has touched, this run or before)
 * @param byReason products per skip or dead-letter reason, with their ids, names and details
 */
public record RunReport(Duration elapsed, Map<State, Integer> byState, Map<ReasonCode, List<String>> byReason,
        Map<State, Integer> thisRun, BigDecimal costUsd, int imagesInCatalog, int productsInCatalog, String exampleUrl,
        String model) {

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
        String model = runner.serviceEnvironment().getOrDefault("IMAGE_MODEL", "gpt-image-1-mini") + ", "
                + runner.serviceEnvironment().getOrDefault("IMAGE_QUALITY", "low") + ", "
                + runner.serviceEnvironment().getOrDefault("IMAGE_SIZE", "1024x1024");
        return new RunReport(Duration.between(runner.started(), Instant.now()), byState, byReason,
                runner.board().eventsSince(), runner.board().costSince(), withImage, catalog.names().size(), example, model);
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
        if (productsInCatalog > 0) {
            out.append(String.format("Catalog: %d products, %d with an image%n", productsInCatalog, imagesInCatalog));
        }
        if (exampleUrl != null) {
            out.append("For example: ").append(exampleUrl).append('\n');
        }
        return out.toString();
    }
}
