package com.catalogimage.contracts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * One request id's paid images, on the generator's ledger ({@link Topics#PAID_GENERATIONS}, compacted, keyed by
 * request id). Written right after the image API answered and again once the image is published; the status topic
 * keeps one status per product, so it forgets an earlier request of a product and a GENERATED replaced by a
 * DEAD_LETTERED or SKIPPED, while this keeps every request id, which is what the generator's duplicate check and daily
 * budget need.
 *
 * @param requestId  the request the images answered
 * @param productId  its product
 * @param model      the model family, for example {@code gpt-image-1-mini}
 * @param deployment the Azure deployment that served the latest call
 * @param images     images paid for under this request id: 1, more only when an image was lost before its publication
 *                   (a crash) and the request was generated again
 * @param costUsd    their list-price cost together; {@code null} when no price is configured
 * @param at         when the model answered the latest of them
 * @param day        the UTC day of {@code at}: the day the daily budget counts them on
 * @param published  whether the image reached {@code generated-images} with its GENERATED status: a later delivery of
 *                   the request id is then a duplicate; until then it is paid for but not yet out
 */
public record PaidGeneration(
        String requestId,
        long productId,
        String model,
        String deployment,
        int images,
        BigDecimal costUsd,
        Instant at,
        LocalDate day,
        boolean published) {

    /** The first image of a request, or one more after {@code earlier} (null when none) was lost before publication. */
    public static PaidGeneration paid(PaidGeneration earlier, String requestId, long productId, String model,
            String deployment, BigDecimal costUsd, Instant at) {
        int images = earlier == null ? 1 : earlier.images() + 1;
        BigDecimal cost = earlier == null || earlier.costUsd() == null ? costUsd
                : costUsd == null ? earlier.costUsd() : earlier.costUsd().add(costUsd);
        return new PaidGeneration(requestId, productId, model, deployment, images, cost, at,
                at.atZone(ZoneOffset.UTC).toLocalDate(), false);
    }

    /** The same payment, its image now out. */
    public PaidGeneration asPublished() {
        return new PaidGeneration(requestId, productId, model, deployment, images, costUsd, at, day, true);
    }
}
