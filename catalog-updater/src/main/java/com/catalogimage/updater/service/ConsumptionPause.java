package com.catalogimage.updater.service;

import com.catalogimage.contracts.FailureClass;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.ChannelRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Stops consuming while the remote dependency refuses every record (a wrong token or role, an entity DAB does not expose): the channel
 * is paused, readiness turns DOWN with the reason, the record in hand is held (neither acknowledged nor dead-lettered),
 * and a cheap {@link DependencyProbe} runs every {@code updater.pause.probe-interval}. When it passes, the channel
 * resumes and the held record is processed again. Dead-lettering instead would bury every record of an outage that a
 * person fixes in minutes.
 * <p>
 * The channel must be {@code pausable=true}. Records already fetched when it pauses fail the same way and are held
 * too; every held record's unfinished completion stage keeps its offset uncommitted until it is processed again.
 */
@ApplicationScoped
public class ConsumptionPause {

    /** The channel this pause stops. */
    public static final String CHANNEL = "stored";
    private static final Logger LOG = Logger.getLogger(ConsumptionPause.class);

    /** Why consuming is paused, and since when. */
    public record Reason(FailureClass failureClass, String detail, Instant since) {
    }

    private final ChannelRegistry channels;
    private final DependencyProbe probe;
    private final List<Runnable> held = new ArrayList<>();
    private volatile Reason reason;

    public ConsumptionPause(ChannelRegistry channels, DependencyProbe probe, MeterRegistry metrics) {
        this.channels = channels;
        this.probe = probe;
        metrics.gauge("updater.paused", this, pause -> pause.reason == null ? 0 : 1);
    }

    /**
     * Pauses consuming (once, with one log line saying why) and returns a stage that completes with the outcome of
     * {@code again}, run once the probe passes.
     */
    public <T> CompletionStage<T> holdUntilResumed(FailureClass failureClass, String detail,
            Supplier<CompletionStage<T>> again) {
        CompletableFuture<T> outcome = new CompletableFuture<>();
        synchronized (this) {
            held.add(() -> again.get().whenComplete((value, failure) -> {
                if (failure != null) {
                    outcome.completeExceptionally(failure);
                } else {
                    outcome.complete(value);
                }
            }));
            if (reason == null) {
                reason = new Reason(failureClass, detail, Instant.now());
                channels.getPausable(CHANNEL).pause();
                LOG.errorf("Consuming %s PAUSED (%s): %s. Nothing is dead-lettered; the record in hand is held and "
                        + "processed again when Data API Builder accepts us (checked every few seconds). Fix DAB_ROLE / "
                        + "DAB_TOKEN, DAB's permissions for the role, or the entity path (DAB_URL, DAB_REST_PATH, CATALOG_MODE).", CHANNEL, failureClass,
                        detail);
            }
        }
        return outcome;
    }

    public Optional<Reason> reason() {
        return Optional.ofNullable(reason);
    }

    @Scheduled(every = "${updater.pause.probe-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void probe() {
        if (reason == null) {
            return;
        }
        try {
            probe.check();
        } catch (RuntimeException e) {
            LOG.debugf("Still paused: %s", e.getMessage());
            return;
        }
        List<Runnable> again;
        synchronized (this) {
            Reason was = reason;
            reason = null;
            again = List.copyOf(held);
            held.clear();
            channels.getPausable(CHANNEL).resume();
            LOG.infof("Consuming %s RESUMED: Data API Builder accepts us again after %s paused (%s)", CHANNEL,
                    Duration.between(was.since(), Instant.now()).withNanos(0), was.failureClass());
        }
        // Processed here, on the scheduler's worker thread: the consumer still waits for these before the next record.
        again.forEach(Runnable::run);
    }
}
