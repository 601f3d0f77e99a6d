package com.catalogimage.generator.messaging;

import io.smallrye.reactive.messaging.ChannelRegistry;
import io.smallrye.reactive.messaging.PausableChannel;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumSet;
import java.util.Set;

/**
 * Why consuming {@code image-requests} is paused. Several reasons can hold at once; the channel runs again only when
 * none is left. It starts paused (configuration: {@code pausable.initially-paused}) until the status topic is read.
 */
@ApplicationScoped
public class ConsumptionPauses {

    public enum Reason {
        /** The status topic is still being read: duplicates could not be recognised yet. */
        CATCHING_UP,
        /** The image API refuses every request (configuration, blocked resource). */
        HALTED,
        /** Today's budget is spent. */
        BUDGET
    }

    private final Set<Reason> reasons = EnumSet.of(Reason.CATCHING_UP);
    private final ChannelRegistry channels;

    public ConsumptionPauses(ChannelRegistry channels) {
        this.channels = channels;
    }

    public synchronized void pause(Reason reason) {
        if (reasons.add(reason) && channel() != null) {
            channel().pause();
        }
    }

    /** Lifts one reason; a no-op until the channel exists (the scheduler may ask before the channel is wired). */
    public synchronized void resume(Reason reason) {
        PausableChannel channel = channel();
        if (channel != null && reasons.remove(reason) && reasons.isEmpty()) {
            channel.resume();
        }
    }

    private PausableChannel channel() {
        return channels.getPausable(Channels.REQUESTS);
    }

    public synchronized boolean isPaused(Reason reason) {
        return reasons.contains(reason);
    }
}
