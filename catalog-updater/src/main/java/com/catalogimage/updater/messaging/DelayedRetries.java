package com.catalogimage.updater.messaging;

import com.catalogimage.contracts.messaging.FailureHandling;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Message;

/** The consuming channel's delayed-retry settings, as the consumer needs them to decide on a failure. */
@ApplicationScoped
public class DelayedRetries {

    private final int maxRetries;

    public DelayedRetries(
            @ConfigProperty(name = "mp.messaging.incoming.stored.delayed-retry-topic.max-retries") int maxRetries) {
        this.maxRetries = maxRetries;
    }

    /** Whether a transient failure now is the last one the channel retries. */
    public boolean isLastAttempt(Message<?> message) {
        return FailureHandling.isLastAttempt(message, maxRetries);
    }

    /** How many times this record has been delivered, this delivery included. */
    public static int attempts(Message<?> message) {
        return FailureHandling.delayedRetries(message) + 1;
    }
}
