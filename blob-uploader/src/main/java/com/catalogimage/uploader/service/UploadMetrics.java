package com.catalogimage.uploader.service;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;

/**
 * {@code uploader.images{outcome}}, {@code uploader.review.decisions{outcome}}, {@code uploader.upload.duration} and {@code uploader.image.bytes}. Created at startup
 * so the meters are exported before the first image arrives.
 */
@Startup
@ApplicationScoped
public class UploadMetrics {

    private final MeterRegistry registry;
    private final Timer uploadDuration;
    private final DistributionSummary imageBytes;

    public UploadMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.uploadDuration = Timer.builder("uploader.upload.duration")
                .description("Time to write one image to Blob Storage, retries included")
                .register(registry);
        this.imageBytes = DistributionSummary.builder("uploader.image.bytes")
                .description("Size of the images received")
                .baseUnit("bytes")
                .register(registry);
    }

    /** Counts an image by what became of it: stored, already-stored, invalid or failed. */
    public void outcome(String outcome) {
        registry.counter("uploader.images", "outcome", outcome).increment();
    }

    /** Counts a reviewer's decision by what it did: published, rejected, regenerate, stale, held or poison. */
    public void decision(String outcome) {
        registry.counter("uploader.review.decisions", "outcome", outcome).increment();
    }

    public void received(byte[] image) {
        imageBytes.record(image == null ? 0 : image.length);
    }

    public <T> T timeUpload(Supplier<T> upload) {
        return uploadDuration.record(upload);
    }
}
