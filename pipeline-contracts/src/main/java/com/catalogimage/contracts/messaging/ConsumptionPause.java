package com.catalogimage.contracts.messaging;

import com.catalogimage.contracts.FailureClass;
import io.smallrye.reactive.messaging.ChannelRegistry;
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
 * Stops consuming while the remote dependency refuses every record (wrong credentials or role, a missing container or
 * entity): the channel is paused, readiness turns DOWN with the reason, the record in hand is held (neither
 * acknowledged nor dead-lettered), and a cheap probe runs on the stage's schedule ({@link #probeAndResume()}). When it
 * passes, the channel resumes and the held records are processed again. Dead-lettering instead would bury every record
 * of an outage that a person fixes in minutes. Shared by the blob-uploader and the catalog-updater, each a subclass
 * bean that names its channel, its dependency and the schedule.
 * <p>
 * The channel must be {@code pausable=true}. Records already fetched when it pauses fail the same way and are held
 * too; every held record's unfinished completion stage keeps its offset uncommitted until it is processed again.
 */
public class ConsumptionPause {

    private static final Logger LOG = Logger.getLogger(ConsumptionPause.class);

    /** Why consuming is paused, and since when. */
    public record Reason(FailureClass failureClass, String detail, Instant since) {
    }

    private final ChannelRegistry channels;
    private final String channel;
    private final String dependency;
    private final String fix;
    private final Runnable probe;
    private final List<Runnable> held = new ArrayList<>();
    private volatile Reason reason;

    /**
     * @param channel    the pausable incoming channel
     * @param dependency what refuses us, for the log lines ("Blob Storage")
     * @param fix        what an operator should check, for the log line
     * @param probe      returns when the dependency serves us again, throws otherwise
     */
    protected ConsumptionPause(ChannelRegistry channels, String channel, String dependency, String fix, Runnable probe) {
        this.channels = channels;
        this.channel = channel;
        this.dependency = dependency;
        this.fix = fix;
        this.probe = probe;
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
                channels.getPausable(channel).pause();
                LOG.errorf("Consuming %s PAUSED (%s): %s. Nothing is dead-lettered; the record in hand is held and "
                        + "processed again when %s accepts us (checked every few seconds). %s", channel, failureClass,
                        detail, dependency, fix);
            }
        }
        return outcome;
    }

    public Optional<Reason> reason() {
        return Optional.ofNullable(reason);
    }

    /** While paused: runs the probe, and when it passes resumes the channel and processes the held records again. */
    protected void probeAndResume() {
        if (reason == null) {
            return;
        }
        try {
            probe.run();
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
            channels.getPausable(channel).resume();
            LOG.infof("Consuming %s RESUMED: %s accepts us again after %s paused (%s)", channel, dependency,
                    Duration.between(was.since(), Instant.now()).withNanos(0), was.failureClass());
        }
        // Processed here, on the scheduler's worker thread: their offsets stay uncommitted until these are done.
        again.forEach(Runnable::run);
    }
}
