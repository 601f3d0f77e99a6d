package com.catalogimage.scanner.messaging;

import com.catalogimage.contracts.Topics;
import com.catalogimage.messaging.status.ChannelEndOffsets;
import com.catalogimage.messaging.status.StatusMemory;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The scanner's status memory: the shared one, read from this service's status channel. */
public class ScannerMessaging {

    /** The incoming channel of the status topic: the whole topic from the start, at every start. */
    public static final String STATUS_IN = "status-in";

    @Produces
    @Singleton
    StatusMemory memory(KafkaClientService clients, ReplayLedger replays) {
        StatusMemory memory = new StatusMemory(new ChannelEndOffsets(clients, STATUS_IN, Topics.IMAGE_STATUS));
        memory.addListener(replays);
        return memory;
    }
}
