package com.catalogimage.console.messaging;

import com.catalogimage.contracts.ProductStatus;

/**
 * One status of a product as the topic gave it.
 *
 * @param status  the status
 * @param traceId the W3C trace id of the record's {@code traceparent} header (the request's trace), or {@code null}
 * @param offset  its offset in the product's partition: the order every writer agrees on
 */
public record TimelineEntry(ProductStatus status, String traceId, int partition, long offset) {
}
