package com.catalogimage.scanner.service;

import com.catalogimage.scanner.messaging.DeadLetter;
import java.time.Instant;

/**
 * Which dead letters to list or replay; a {@code null} criterion matches everything.
 *
 * @param reason    a reason code, case-insensitive ({@code CONTENT_POLICY}, {@code POISON}, ...)
 * @param stage     the stage that gave up, for example {@code image-generator}
 * @param productId one product
 * @param since     dead-lettered at or after
 * @param until     dead-lettered before
 */
public record DeadLetterFilter(String reason, String stage, Long productId, Instant since, Instant until) {

    public static final DeadLetterFilter ALL = new DeadLetterFilter(null, null, null, null, null);

    public boolean isEmpty() {
        return reason == null && stage == null && productId == null && since == null && until == null;
    }

    public boolean matches(DeadLetter letter) {
        return (reason == null || reason.equalsIgnoreCase(letter.reason()))
                && (stage == null || stage.equalsIgnoreCase(letter.stage()))
                && (productId == null || productId.equals(letter.productId()))
                && (since == null || !letter.timestamp().isBefore(since))
                && (until == null || letter.timestamp().isBefore(until));
    }
}
