package com.catalogimage.messaging.tracing;

import io.opentelemetry.sdk.trace.samplers.Sampler;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Spans are exported only when {@code OTEL_EXPORTER_OTLP_ENDPOINT} names a collector. Quarkus 3.34 cannot turn its
 * OTLP exporter off at run time (an empty endpoint falls back to localhost:4317, quarkusio/quarkus#44200), and
 * {@code quarkus.otel.sdk.disabled} would also take the trace ids out of the logs and the Kafka headers. So without an
 * endpoint this sampler (Quarkus uses a {@link Sampler} bean instead of its configured one) records nothing: spans still
 * get ids, which propagate ({@code traceparent} with sampled=0) and reach the MDC, but the exporter never has a span to
 * send, so it never tries to connect. With an endpoint: Quarkus's default, parent-based always-on.
 */
@Singleton
public class ExportSwitch {

    @Produces
    @Singleton
    Sampler sampler(@ConfigProperty(name = "OTEL_EXPORTER_OTLP_ENDPOINT") Optional<String> endpoint) {
        return endpoint.filter(url -> !url.isBlank()).isPresent() ? Sampler.parentBased(Sampler.alwaysOn())
                : Sampler.alwaysOff();
    }
}
