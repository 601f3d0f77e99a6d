package com.catalogimage.generator.messaging;

import io.smallrye.reactive.messaging.ChannelRegistry;
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
        if (reasons.add(reason)) {
            channels.getPausable(Channels.REQUESTS).pause();
        }
    }

    public synchronized void resume(Reason reason) {
        if (reasons.remove(reason) && reasons.isEmpty()) {
            channels.getPausable(Channels.REQUESTS).resume();
        }
    }

    public synchronized boolean isPaused(Reason reason) {
        return reasons.contains(reason);
    }
}
