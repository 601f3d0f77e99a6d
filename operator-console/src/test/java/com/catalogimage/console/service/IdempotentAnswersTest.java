package com.catalogimage.console.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class IdempotentAnswersTest {

    final AtomicLong clock = new AtomicLong();
    final AtomicInteger work = new AtomicInteger();

    @Test
    void theSameKeyGetsTheFirstAnswerWithoutWorkingAgain() {
        IdempotentAnswers<String> answers = new IdempotentAnswers<>(Duration.ofHours(1), 10, clock::get);
        assertThat(answers.answer("k", () -> "first " + work.incrementAndGet())).isEqualTo("first 1");
        assertThat(answers.answer("k", () -> "second " + work.incrementAndGet())).isEqualTo("first 1");
        assertThat(answers.answer("other", () -> "other " + work.incrementAndGet())).isEqualTo("other 2");
        assertThat(work).hasValue(2);
    }

    @Test
    void aCallWhileTheFirstIsWorkingWaitsForItsAnswer() throws Exception {
        IdempotentAnswers<String> answers = new IdempotentAnswers<>(Duration.ofHours(1), 10, clock::get);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<String> first = threads.submit(() -> answers.answer("k", () -> {
                started.countDown();
                await(release);
                return "made " + work.incrementAndGet();
            }));
            started.await(10, TimeUnit.SECONDS);
            Future<String> second = threads.submit(() -> answers.answer("k", () -> "again " + work.incrementAndGet()));
            assertThat(answers.holds("k")).isTrue();
            release.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("made 1");
            assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo("made 1");
            assertThat(work).hasValue(1);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aFailureIsNotRememberedSoARetryWorksAgain() {
        IdempotentAnswers<String> answers = new IdempotentAnswers<>(Duration.ofHours(1), 10, clock::get);
        assertThatThrownBy(() -> answers.answer("k", () -> {
            throw new IllegalStateException("down");
        })).hasMessage("down");
        assertThat(answers.answer("k", () -> "made")).isEqualTo("made");
    }

    @Test
    void keysAreForgottenAfterTheWindowAndBeyondTheMost() {
        IdempotentAnswers<String> answers = new IdempotentAnswers<>(Duration.ofSeconds(10), 2, clock::get);
        answers.answer("a", () -> "a");
        answers.answer("b", () -> "b");
        answers.answer("c", () -> "c");
        assertThat(answers.holds("a")).isFalse();
        assertThat(answers.holds("b")).isTrue();
        clock.set(Duration.ofSeconds(11).toNanos());
        assertThat(answers.holds("c")).isFalse();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
