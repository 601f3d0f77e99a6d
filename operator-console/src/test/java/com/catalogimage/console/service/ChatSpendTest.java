package com.catalogimage.console.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.catalogimage.chat.ChatUsage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ChatSpendTest {

    @Test
    void theDailyCapRefusesFurtherCallsOnceSpentAndCountsCostAndTokens() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ChatSpend spend = new ChatSpend(new BigDecimal("0.01"), meters,
                Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC));
        assertThat(spend.refusal()).isEmpty();

        spend.record(ChatSpend.REWRITE, new ChatUsage("gpt-5-mini", 1000, 4000, new BigDecimal("0.00825")));
        assertThat(spend.refusal()).isEmpty();
        spend.record(ChatSpend.REWRITE, new ChatUsage("gpt-5-mini", 1000, 4000, new BigDecimal("0.00825")));

        assertThat(spend.refusal()).hasValueSatisfying(why -> assertThat(why).contains("chat budget", "0.01"));
        assertThat(spend.todayUsd()).isEqualTo("0.0165");
        assertThat(meters.counter("console.chat.cost.usd", "model", "gpt-5-mini", "purpose", "rewrite").count())
                .isEqualTo(0.0165, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(meters.counter("console.chat.tokens", "model", "gpt-5-mini", "purpose", "rewrite", "kind", "output")
                .count()).isEqualTo(8000);
    }

    @Test
    void zeroMeansNoCap() {
        ChatSpend spend = new ChatSpend(BigDecimal.ZERO, new SimpleMeterRegistry(), Clock.systemUTC());
        spend.record(ChatSpend.IDEAS, new ChatUsage("gpt-5-mini", 1, 1, new BigDecimal("5")));
        assertThat(spend.refusal()).isEmpty();
    }
}
