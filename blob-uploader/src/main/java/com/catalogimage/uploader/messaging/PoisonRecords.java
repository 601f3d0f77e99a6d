package com.catalogimage.uploader.messaging;

import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.reactive.messaging.Channel;

/**
 * The shared {@link com.catalogimage.contracts.messaging.PoisonRecords} on this service's {@code poison-out} channel. A
 * singleton: the shared class has no no-args constructor for a client proxy.
 */
@Singleton
public class PoisonRecords extends com.catalogimage.contracts.messaging.PoisonRecords {

    public PoisonRecords(@Channel("poison-out") MutinyEmitter<byte[]> deadLetters) {
        super(deadLetters);
    }
}
