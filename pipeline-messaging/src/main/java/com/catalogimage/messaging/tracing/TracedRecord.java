package com.catalogimage.messaging.tracing;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On an {@code @Incoming} method taking a {@code Message}: while the method runs, the MDC holds {@code productId} and
 * {@code requestId} and the record's trace is the current one, so what the stage logs, sends and calls belongs to the
 * product's trace. See {@link TracedRecordInterceptor}.
 */
@InterceptorBinding
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface TracedRecord {
}
