package com.catalogimage.generator.client;

import com.catalogimage.generator.client.DeploymentPool.Member;
import com.openai.client.OpenAIClient;
import com.openai.models.images.ImagesResponse;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.faulttolerance.Retry;

/**
 * One call to one pool member, after waiting for its permit. A 429 is not a failure: the member is held for as long as
 * Azure asked, and the call goes again (to whichever member has the next permit) without counting as an attempt and
 * without limit, since the quota always frees up. Every other failure goes to {@link ImageApi}.
 */
@ApplicationScoped
public class ThrottledImageCall {

    private final DeploymentPool pool;
    private final MeterRegistry metrics;

    public ThrottledImageCall(DeploymentPool pool, MeterRegistry metrics) {
        this.pool = pool;
        this.metrics = metrics;
    }

    /** What a successful call answered, and which member answered it. */
    public record Answer(ImagesResponse response, Member member) {
    }

    /**
     * One call (a generation or an edit) to the member's client and deployment. Built afresh for every try: an edit's
     * multipart body is a stream, read once.
     */
    @FunctionalInterface
    public interface Call {
        ImagesResponse call(OpenAIClient client, String deployment);
    }

    /**
     * Any image call through the pool: the member with the next permit, 429s waited out, failures classified and
     * counted alike for generations and edits.
     */
    @Retry(maxRetries = -1, delay = 0, jitter = 0, maxDuration = 24, durationUnit = ChronoUnit.HOURS,
            retryOn = ImageApiException.Throttled.class)
    public Answer call(Call call, AtomicInteger attempts) {
        Member member;
        try {
            member = pool.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImageApiException.Retryable(com.catalogimage.contracts.FailureClass.TRANSIENT,
                    "TRANSIENT: interrupted while waiting for a permit", e);
        }
        try {
            ImagesResponse response = call.call(member.client(), member.deployment());
            attempts.incrementAndGet();
            pool.succeeded(member);
            return new Answer(response, member);
        } catch (RuntimeException e) {
            // The SDK's own exceptions, and what the bearer-token supplier throws (azure-identity's): classified alike,
            // so a missing identity halts the generator like a wrong key rather than escaping as a raw failure.
            ImageApiException failure = ImageApiException.of(e);
            metrics.counter("generator.api.failures", "class", failure.failureClass().name(), "deployment", member.name())
                    .increment();
            if (failure instanceof ImageApiException.Throttled throttled) {
                pool.throttled(member, throttled.retryAfter());
            } else {
                attempts.incrementAndGet();
                if (failure instanceof ImageApiException.Retryable) {
                    pool.failed(member);
                }
            }
            throw failure;
        }
    }
}
