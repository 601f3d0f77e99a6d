package com.catalogimage.console.messaging;

import com.catalogimage.console.config.ConsoleConfig;
import com.catalogimage.contracts.Topics;
import com.catalogimage.messaging.status.ChannelEndOffsets;
import com.catalogimage.messaging.status.StatusMemory;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The console's status memory: the shared one, read from this service's status channel, with each product's timeline. */
public class ConsoleMessaging {

    /** The incoming channel of the status topic: the whole topic from the start, at every start. */
    public static final String STATUS_IN = "status-in";

    @Produces
    @Singleton
    ConsoleStatus status(KafkaClientService clients, ConsoleConfig config) {
        return new ConsoleStatus(new StatusMemory(new ChannelEndOffsets(clients, STATUS_IN, Topics.IMAGE_STATUS)),
                config.timeline().maxPerProduct());
    }
}
