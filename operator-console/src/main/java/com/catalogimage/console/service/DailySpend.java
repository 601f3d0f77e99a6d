package com.catalogimage.console.service;

import com.catalogimage.contracts.ProductStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * Today's images and their list-price cost (UTC day, as the generator's budget counts), from the GENERATED statuses:
 * one per request id (a status read twice counts once). The topic is compacted, so after a restart a product already
 * moved on has lost its GENERATED status; the overview takes the generator's own ledger figure when it is higher.
 * Thread-safe.
 */
public final class DailySpend {

    /** Today's figures. */
    public record Today(LocalDate day, long images, BigDecimal costUsd) {
    }

    private LocalDate day;
    private final Map<String, BigDecimal> costs = new HashMap<>();

    public synchronized void status(ProductStatus status, Instant now) {
        if (status.state() != ProductStatus.State.GENERATED || status.at() == null) {
            return;
        }
        LocalDate today = roll(now);
        if (!status.at().atZone(ZoneOffset.UTC).toLocalDate().equals(today)) {
            return;
        }
        String key = status.requestId() != null ? status.requestId() : status.productId() + "@" + status.at();
        costs.putIfAbsent(key, status.costUsd() == null ? BigDecimal.ZERO : status.costUsd());
    }

    public synchronized Today today(Instant now) {
        LocalDate today = roll(now);
        return new Today(today, costs.size(), costs.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    private LocalDate roll(Instant now) {
        LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
        if (!today.equals(day)) {
            day = today;
            costs.clear();
        }
        return today;
    }
}
