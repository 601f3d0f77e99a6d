package com.catalogimage.console.service;

import com.catalogimage.console.client.ScanFigures;
import com.catalogimage.console.config.ConsoleConfig;
import com.catalogimage.console.messaging.ConsoleStatus;
import com.catalogimage.contracts.ProductStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The overview's figures, computed at most every {@link #MAX_AGE} whoever asks (pages, every stream subscriber): from
 * the status memory (counts, completions, today's generations, kept up to date by a listener) and the last round of
 * {@link StageWatch}. Nothing here calls another service.
 */
@ApplicationScoped
public class OverviewService {

    static final Duration MAX_AGE = Duration.ofMillis(500);
    /** The window the completion rate is observed over. */
    static final Duration RATE_WINDOW = Duration.ofMinutes(5);

    /**
     * What the overview page renders and the stream sends (one JSON event).
     *
     * @param chatCostToday the console's own chat calls today (rewrites, prompt ideas), beside the generator's cost
     * @param chatBudgetUsd their daily cap ({@code CONSOLE_CHAT_DAILY_BUDGET_USD}), {@code 0.00} for none
     */
    public record Overview(Coverage coverage, int percent, String eta, double ratePerMinute, double quotaPerMinute,
            List<StageWatch.Stage> stages, long imagesToday, String costToday, long budgetImages, String budgetCostUsd,
            List<StageWatch.Deployment> deployments, String reviewMode, boolean caughtUp, Instant scannedAt,
            String chatCostToday, String chatBudgetUsd) {
    }

    private final ConsoleStatus status;
    private final StageWatch stages;
    private final ConsoleConfig config;
    private final ChatSpend chat;
    private final CompletionRate rate = new CompletionRate(RATE_WINDOW);
    private final DailySpend spend = new DailySpend();
    private volatile Overview cached;
    private volatile long cachedAt;

    public OverviewService(ConsoleStatus status, StageWatch stages, ConsoleConfig config, ChatSpend chat) {
        this.status = status;
        this.stages = stages;
        this.config = config;
        this.chat = chat;
        status.addListenerWithHistory(entry -> {
            Instant now = Instant.now();
            ProductStatus s = entry.status();
            if (s.state() == ProductStatus.State.COMPLETED) {
                rate.completed(s.at(), now);
            }
            spend.status(s, now);
        });
    }

    /** The figures now (at most {@link #MAX_AGE} old). */
    public Overview current() {
        Overview overview = cached;
        long now = System.nanoTime();
        if (overview == null || now - cachedAt > MAX_AGE.toNanos()) {
            overview = compute(Instant.now());
            cached = overview;
            cachedAt = now;
        }
        return overview;
    }

    private Overview compute(Instant now) {
        StageWatch.Round round = stages.round();
        ScanFigures scan = round.scan();
        Map<Long, ProductStatus> latest = status.snapshot();
        Map<ProductStatus.State, Long> counts = new java.util.EnumMap<>(ProductStatus.State.class);
        long completedSinceScan = 0;
        Instant scanStart = scan == null ? null : scan.startedAt();
        for (ProductStatus s : latest.values()) {
            counts.merge(s.state(), 1L, Long::sum);
            if (scanStart != null && s.state() == ProductStatus.State.COMPLETED && s.at() != null
                    && s.at().isAfter(scanStart)) {
                completedSinceScan++;
            }
        }
        Coverage coverage = Coverage.of(scan, counts, completedSinceScan);
        double perMinute = rate.perMinute(now);
        double quota = (double) config.quota().rpm() * config.quota().deployments();
        String eta = !coverage.scanned() ? "unknown (no scan yet)"
                : coverage.remaining() == 0 && coverage.awaitingReview() > 0
                        ? "waiting for review (" + coverage.awaitingReview() + ")"
                        : Eta.text(Eta.of(coverage.remaining(), perMinute, quota));
        DailySpend.Today today = spend.today(now);
        long images = today.images();
        BigDecimal cost = today.costUsd();
        // The generator's ledger counts every paid image of the day; the statuses lose some to compaction after a restart.
        if (round.ledgerImagesToday() != null && round.ledgerImagesToday() > images) {
            images = round.ledgerImagesToday();
        }
        if (round.ledgerCostToday() != null && BigDecimal.valueOf(round.ledgerCostToday()).compareTo(cost) > 0) {
            cost = BigDecimal.valueOf(round.ledgerCostToday());
        }
        return new Overview(coverage, coverage.percent(), eta, perMinute, quota, round.stages(), images, usd(cost),
                config.budget().dailyImages(), usd(config.budget().dailyCostUsd()), round.deployments(),
                config.reviewMode().name().toLowerCase(Locale.ROOT), status.caughtUp(),
                scan == null ? null : scan.finishedAt(), chat.todayUsd(), chat.capUsd());
    }

    private static String usd(BigDecimal amount) {
        return amount.setScale(amount.scale() > 2 ? Math.min(amount.scale(), 4) : 2, RoundingMode.HALF_UP).toPlainString();
    }
}
