package com.catalogimage.messaging.tracing;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On an {@code @Incoming} method taking a {@code Message}: while the method runs, the record's trace is the current one
 * (so what the stage sends, logs and calls belongs to the product's trace) and the MDC holds {@code productId} and
 * {@code requestId}. See {@link TracedRecordInterceptor}.
 */
@InterceptorBinding
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface TracedRecord {
}
