package com.catalogimage.console.service;

import java.time.Duration;
import java.util.Optional;

/**
 * When the remaining products will have an image: at the observed completion rate, never faster than the image quota
 * allows (the quota caps what the rate can become; a burst right after a start does not make a promise).
 */
public final class Eta {

    private Eta() {
    }

    /**
     * @param remaining      products still to complete
     * @param observedPerMin completions per minute over the last minutes
     * @param quotaPerMin    requests per minute of one deployment times the deployments
     * @return empty when nothing is moving (rate zero) and something remains
     */
    public static Optional<Duration> of(long remaining, double observedPerMin, double quotaPerMin) {
        if (remaining <= 0) {
            return Optional.of(Duration.ZERO);
        }
        double rate = Math.min(observedPerMin, quotaPerMin > 0 ? quotaPerMin : observedPerMin);
        if (rate <= 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofSeconds((long) Math.ceil(remaining / rate * 60)));
    }

    /** "3 h 20 min", "12 min", "under a minute", "done", or "unknown (nothing moving)". */
    public static String text(Optional<Duration> eta) {
        if (eta.isEmpty()) {
            return "unknown (nothing moving)";
        }
        Duration d = eta.get();
        if (d.isZero()) {
            return "done";
        }
        long minutes = (d.getSeconds() + 59) / 60;
        if (minutes <= 1) {
            return "under a minute";
        }
        return minutes >= 60 ? "%d h %d min".formatted(minutes / 60, minutes % 60) : minutes + " min";
    }
}
