package com.catalogimage.generator.client;

import com.catalogimage.generator.config.GeneratorConfig;
import io.vertx.core.Vertx;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The guarded photo fetch on Quarkus's Vert.x instance, configured by {@code generator.reference-photo}. */
public class ReferencePhotosProducer {

    @Produces
    @Singleton
    ReferencePhotos referencePhotos(Vertx vertx, GeneratorConfig config) {
        return new ReferencePhotos(vertx, ReferencePhotos.Rules.of(config.referencePhoto()));
    }

    void close(@Disposes ReferencePhotos photos) {
        photos.close();
    }
}
