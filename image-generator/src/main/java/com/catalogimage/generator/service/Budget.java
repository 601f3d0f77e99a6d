package com.catalogimage.generator.service;

import com.catalogimage.generator.config.GeneratorConfig;
import com.catalogimage.messaging.pause.ConsumptionPause;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The daily caps on images and on list-price spend (UTC days). Today's usage is what the ledger of paid images says
 * was paid for today, by every instance (images and their quality checks, whose cost the ledger entry carries), plus this instance's calls in flight; so a restart does not reset it, and a
 * raised cap takes effect at once. When a cap is reached, consuming pauses: records wait in Kafka, nothing is
 * dead-lettered; it resumes on the next UTC day.
 */
@ApplicationScoped
public class Budget {

    private static final Logger LOG = Logger.getLogger(Budget.class);

    private final PaidImages paid;
    /** What the pause says while a cap holds requests back. */
    static final String HOLD = "the daily budget is spent";

    private final ConsumptionPause pause;
    private final Optional<Integer> dailyImages;
    private final Optional<BigDecimal> dailyCost;
    private final BigDecimal pricePerImage;
    /**
     * What the next call is expected to cost: its n images and the quality check that follows (docs/decisions/0024),
     * the largest case (with a reference photo) when deciding whether the budget is spent.
     */
    private final BigDecimal pricePerCall;
    private final GenerationPrice price;
    private int inFlight;
    /** What the calls in flight hold back: each call's own estimate (n images, with or without a reference photo). */
    private BigDecimal inFlightCost = BigDecimal.ZERO;
    private String reached;

    public Budget(PaidImages paid, ConsumptionPause pause, GeneratorConfig config, GenerationPrice price,
            MeterRegistry metrics) {
        this.paid = paid;
        this.pause = pause;
        this.dailyImages = config.budget().dailyImages();
        this.dailyCost = config.budget().dailyCostUsd();
        this.pricePerImage = price.perImage().orElse(BigDecimal.ZERO);
        this.price = price;
        this.pricePerCall = price.perCall(false);
        metrics.gauge("generator.budget.images.today", this, budget -> budget.paid.imagesOn(PaidImages.today()));
        metrics.gauge("generator.budget.cost.usd.today", this, budget -> budget.costToday().doubleValue());
        metrics.gauge("generator.budget.reached", this, budget -> budget.reached().isPresent() ? 1 : 0);
    }

    /** Reserves today's budget for one call without a reference photo. */
    public boolean tryReserve() {
        return tryReserve(false);
    }

    /**
     * Reserves today's budget for one call ({@code n} images, with a reference photo's input when
     * {@code withReference}); false (and consuming paused) when a cap is reached. Release it with the same argument.
     */
    public synchronized boolean tryReserve(boolean withReference) {
        LocalDate today = PaidImages.today();
        long images = paid.imagesOn(today) + inFlight;
        BigDecimal cost = paid.costOn(today, pricePerImage).add(inFlightCost);
        BigDecimal call = price.perCall(withReference);
        boolean overImages = dailyImages.isPresent() && images + 1 > dailyImages.get();
        boolean overCost = dailyCost.isPresent() && cost.add(call).compareTo(dailyCost.get()) > 0;
        if (overImages || overCost) {
            String why = "budget reached: %d images / $%s today (caps: %s images, $%s)".formatted(images,
                    cost.stripTrailingZeros().toPlainString(), dailyImages.map(String::valueOf).orElse("none"),
                    dailyCost.map(BigDecimal::toPlainString).orElse("none"));
            if (reached == null) {
                LOG.warnf("Image generation PAUSED: %s. Requests wait in Kafka until the next UTC day or a higher cap.", why);
                pause.hold(HOLD);
            }
            reached = why;
            return false;
        }
        inFlight++;
        inFlightCost = inFlightCost.add(call);
        return true;
    }

    /** The reserved call (without a reference photo) is over; an image paid for is counted in {@link PaidImages} by now. */
    public void release() {
        release(false);
    }

    /** The call reserved with {@code tryReserve(withReference)} is over. */
    public synchronized void release(boolean withReference) {
        inFlight--;
        inFlightCost = inFlight == 0 ? BigDecimal.ZERO : inFlightCost.subtract(price.perCall(withReference));
    }

    /** Called periodically: a new UTC day frees the budget. */
    public synchronized void refresh() {
        if (reached == null) {
            return;
        }
        LocalDate today = PaidImages.today();
        boolean imagesLeft = dailyImages.isEmpty() || paid.imagesOn(today) + inFlight < dailyImages.get();
        boolean costLeft = dailyCost.isEmpty()
                || paid.costOn(today, pricePerImage).add(pricePerCall).compareTo(dailyCost.get()) <= 0;
        if (imagesLeft && costLeft) {
            LOG.infof("Image generation RESUMED: the daily budget allows more images (was: %s)", reached);
            reached = null;
            pause.release(HOLD);
        }
    }

    /** Why generation waits for the budget, if it does. */
    public synchronized Optional<String> reached() {
        return Optional.ofNullable(reached);
    }

    public BigDecimal costToday() {
        return paid.costOn(PaidImages.today(), pricePerImage);
    }
}
