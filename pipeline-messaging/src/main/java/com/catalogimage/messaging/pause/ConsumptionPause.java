package com.catalogimage.messaging.pause;

import com.catalogimage.contracts.FailureClass;
import com.catalogimage.messaging.health.ReadinessReason;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import io.smallrye.reactive.messaging.ChannelRegistry;
import io.smallrye.reactive.messaging.PausableChannel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.jboss.logging.Logger;

/**
 * Pause, probe, resume: the one way a stage stops consuming a (pausable) channel.
 *
 * <p>While the remote dependency refuses every record (wrong credentials or role, a missing container or entity, a
 * retired deployment, a blocked resource) the channel is paused, readiness says why, and the record in hand is held:
 * neither acknowledged nor dead-lettered, its unfinished completion stage keeping its offset uncommitted. Records
 * already fetched when it pauses fail the same way and are held too. Dead-lettering instead would bury every record of
 * an outage that a person fixes in minutes. On the stage's schedule {@link #probeAndResume()} tries the probe; when it
 * passes, the channel resumes and the held records are processed again. A stage without a cheap probe (the image API's
 * only proof costs an image) lets its first held record go as the probe.
 *
 * <p>A stage can also hold the channel for reasons of its own ({@link #hold(String)}: still reading the status topic,
 * the day's budget spent); the channel runs only when no reason is left.
 */
public final class ConsumptionPause {

    private static final Logger LOG = Logger.getLogger(ConsumptionPause.class);

    /**
     * What a stage names.
     *
     * @param channel    the pausable incoming channel
     * @param dependency what refuses us, for the log lines ("Blob Storage")
     * @param fix        what an operator should check, for the log line
     * @param probe      returns when the dependency serves us again, throws otherwise; {@code null}: the first held
     *                   record is the probe
     * @param resumeOn   where held records run again once the probe passes
     */
    public record Spec(String channel, String dependency, String fix, Runnable probe, Executor resumeOn) {
        public Spec(String channel, String dependency, String fix, Runnable probe) {
            this(channel, dependency, fix, probe, Runnable::run);
        }
    }

    /** Why the dependency refuses us, and since when. */
    public record Reason(FailureClass failureClass, String detail, Instant since) {
    }

    private final ChannelRegistry channels;
    private final Spec spec;
    private final List<Runnable> held = new ArrayList<>();
    private final Set<String> holds = new TreeSet<>();
    private volatile Reason reason;
    private long heldCount;

    public ConsumptionPause(ChannelRegistry channels, Spec spec) {
        this.channels = channels;
        this.spec = spec;
    }

    /** A pause whose probe runs every {@code probeInterval} on Quarkus' scheduler, one run at a time. */
    public static ConsumptionPause scheduled(ChannelRegistry channels, Scheduler scheduler, Spec spec,
            Duration probeInterval) {
        ConsumptionPause pause = new ConsumptionPause(channels, spec);
        scheduler.newJob("probe-" + spec.channel())
                .setInterval(probeInterval.toString())
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setTask(execution -> pause.probeAndResume())
                .schedule();
        return pause;
    }

    /**
     * Pauses consuming (once, with one log line saying why) and returns a stage that completes with the outcome of
     * {@code again}, run once the probe passes.
     */
    public <T> CompletionStage<T> holdUntilResumed(FailureClass failureClass, String detail,
            Supplier<CompletionStage<T>> again) {
        CompletableFuture<T> outcome = new CompletableFuture<>();
        synchronized (this) {
            heldCount++;
            held.add(() -> again.get().whenComplete((value, failure) -> {
                if (failure != null) {
                    outcome.completeExceptionally(failure);
                } else {
                    outcome.complete(value);
                }
            }));
            if (reason == null) {
                reason = new Reason(failureClass, detail, Instant.now());
                update();
                LOG.errorf("Consuming %s PAUSED (%s): %s. Nothing is dead-lettered; the records in hand are held and "
                        + "processed again when %s serves us (%s). %s", spec.channel(), failureClass, detail,
                        spec.dependency(), spec.probe() == null ? "one of them is tried as the probe" : "probed",
                        spec.fix());
            }
        }
        return outcome;
    }

    /** Holds the channel for a reason of the stage's own; a no-op when it already holds for it. */
    public synchronized void hold(String why) {
        if (holds.add(why)) {
            update();
        }
    }

    /** Lifts a reason of the stage's own; the channel runs again when no reason is left. */
    public synchronized void release(String why) {
        if (holds.remove(why)) {
            update();
        }
    }

    public synchronized boolean isHeldFor(String why) {
        return holds.contains(why);
    }

    /** Why the dependency refuses us, while it does. */
    public Optional<Reason> reason() {
        return Optional.ofNullable(reason);
    }

    /**
     * For the stage's readiness check: while the dependency refuses us, marks the response DOWN with the failure class,
     * a {@link ReadinessReason} (the status the dependency answered, never its error text: that is in the pause's log
     * line) and since when, and returns true.
     */
    public boolean reportTo(HealthCheckResponseBuilder response) {
        Reason paused = reason;
        if (paused == null) {
            return false;
        }
        response.down().withData("paused", paused.failureClass().name())
                .withData("error", ReadinessReason.paused(spec.dependency(), paused.failureClass(), paused.detail()))
                .withData("since", paused.since().toString());
        return true;
    }

    /** While the dependency refuses us: runs the probe, and when it passes resumes and processes the held records. */
    public void probeAndResume() {
        if (reason == null) {
            return;
        }
        if (!probePasses()) {
            return;
        }
        List<Runnable> again;
        synchronized (this) {
            Reason was = reason;
            reason = null;
            again = List.copyOf(held);
            held.clear();
            update();
            LOG.infof("Consuming %s RESUMED: %s serves us again after %s paused (%s)", spec.channel(),
                    spec.dependency(), Duration.between(was.since(), Instant.now()).withNanos(0), was.failureClass());
        }
        // Their offsets stay uncommitted until these are done.
        again.forEach(record -> spec.resumeOn().execute(record));
    }

    private boolean probePasses() {
        if (spec.probe() != null) {
            try {
                spec.probe().run();
                return true;
            } catch (RuntimeException e) {
                LOG.debugf("Still paused: %s", e.getMessage());
                return false;
            }
        }
        Runnable first;
        long before;
        synchronized (this) {
            if (held.isEmpty()) {
                return true;
            }
            first = held.remove(0);
            before = heldCount;
        }
        first.run(); // held again, when refused again
        synchronized (this) {
            return heldCount == before;
        }
    }

    /** Paused while the dependency refuses us or any reason of the stage's own holds; a no-op before the channel exists. */
    private synchronized void update() {
        PausableChannel channel = channels.getPausable(spec.channel());
        if (channel == null) {
            return;
        }
        boolean paused = reason != null || !holds.isEmpty();
        if (paused && !channel.isPaused()) {
            channel.pause();
        } else if (!paused && channel.isPaused()) {
            channel.resume();
        }
    }

    /** For a scheduled check: applies the state to a channel that did not exist when it changed. */
    public void sync() {
        update();
    }
}
