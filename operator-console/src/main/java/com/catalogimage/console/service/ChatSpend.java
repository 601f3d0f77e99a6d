package com.catalogimage.console.service;

import com.catalogimage.chat.ChatUsage;
import com.catalogimage.console.config.ConsoleConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * What the console's own chat calls (rewrites, prompt ideas) cost today, against its daily cap
 * ({@code CONSOLE_CHAT_DAILY_BUDGET_USD}). Counted here and in the meters {@code console.chat.cost.usd{model,purpose}}
 * and {@code console.chat.tokens{model,purpose,kind}}. The day's sum lives in this process: the generator's ledger is
 * the pipeline's record of paid work, the console's chat calls are a few cents an operator asks for.
 */
@ApplicationScoped
public class ChatSpend {

    /** What a call is for, as the meters' {@code purpose} tag. */
    public static final String REWRITE = "rewrite";
    public static final String IDEAS = "ideas";

    private final BigDecimal cap;
    private final MeterRegistry meters;
    private final Clock clock;
    private LocalDate day;
    private BigDecimal spent = BigDecimal.ZERO;

    @Inject
    public ChatSpend(ConsoleConfig config, MeterRegistry meters) {
        this(config.chat().dailyBudgetUsd(), meters, Clock.systemUTC());
    }

    ChatSpend(BigDecimal cap, MeterRegistry meters, Clock clock) {
        this.cap = cap == null ? BigDecimal.ZERO : cap;
        this.meters = meters;
        this.clock = clock;
        this.day = today();
    }

    /** Why no further call may be made today, or empty while the cap allows one. */
    public synchronized Optional<String> refusal() {
        roll();
        if (cap.signum() > 0 && spent.compareTo(cap) >= 0) {
            return Optional.of("The console's chat budget for today ($" + usd(cap) + ") is spent ($" + usd(spent)
                    + "): no more suggestions until midnight UTC (CONSOLE_CHAT_DAILY_BUDGET_USD)");
        }
        return Optional.empty();
    }

    /** Counts one call's tokens and cost. */
    public void record(String purpose, ChatUsage usage) {
        if (usage == null) {
            return;
        }
        String model = usage.model() == null ? "unknown" : usage.model();
        Counter.builder("console.chat.tokens").tag("model", model).tag("purpose", purpose).tag("kind", "input")
                .register(meters).increment(usage.promptTokens());
        Counter.builder("console.chat.tokens").tag("model", model).tag("purpose", purpose).tag("kind", "output")
                .register(meters).increment(usage.completionTokens());
        if (usage.costUsd() != null) {
            Counter.builder("console.chat.cost.usd").tag("model", model).tag("purpose", purpose)
                    .description("List-price cost of the console's chat calls").register(meters)
                    .increment(usage.costUsd().doubleValue());
            synchronized (this) {
                roll();
                spent = spent.add(usage.costUsd());
            }
        }
    }

    /** Today's chat spend, two decimals for the overview (a rewrite costs a fraction of a cent: four). */
    public synchronized String todayUsd() {
        roll();
        return spent.setScale(4, RoundingMode.HALF_UP).toPlainString();
    }

    public String capUsd() {
        return usd(cap);
    }

    private void roll() {
        LocalDate now = today();
        if (!now.equals(day)) {
            day = now;
            spent = BigDecimal.ZERO;
        }
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static String usd(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
