package com.catalogimage.generator.messaging;

import com.catalogimage.contracts.PaidGeneration;
import com.catalogimage.contracts.Topics;
import com.catalogimage.generator.service.PaidImages;
import com.catalogimage.messaging.status.CatchUp;
import com.catalogimage.messaging.status.ChannelEndOffsets;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Feeds the ledger of paid images ({@code paid-generations}, every entry from the beginning at every start, then
 * followed) into {@link PaidImages}, and says when it has read what the ledger held at start: requests wait until then,
 * as they wait for the status topic.
 */
@ApplicationScoped
public class PaidLedgerConsumer {

    private final PaidImages paidImages;
    private static final Duration END_RETRY = Duration.ofMillis(200);

    private final ChannelEndOffsets endOffsets;
    private final CatchUp catchUp;

    public PaidLedgerConsumer(PaidImages paidImages, KafkaClientService clients) {
        this.paidImages = paidImages;
        this.endOffsets = new ChannelEndOffsets(clients, Channels.LEDGER_IN, Topics.PAID_GENERATIONS);
        this.catchUp = new CatchUp(endOffsets);
    }

    /** In batches, like the status topic; an unreadable entry arrives as a null value and only advances the offset. */
    @Incoming(Channels.LEDGER_IN)
    public void consume(ConsumerRecords<String, PaidGeneration> records) {
        for (ConsumerRecord<String, PaidGeneration> record : records) {
            paidImages.onPaid(record.value());
            catchUp.consumed(record.partition(), record.offset());
        }
    }

    /**
     * Waits, at most {@code max}, until the ledger has been read to the end it has now: entries another process wrote
     * before it gave up partitions are then in {@link PaidImages}.
     *
     * @return whether it was reached (false: the end could not be read, or was not reached, in time)
     */
    public boolean awaitCurrentEnd(Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        Map<Integer, Long> ends = endOffsets.get();
        while (ends == null) { // the ledger's consumer is not connected yet (at start)
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            Thread.sleep(END_RETRY.toMillis());
            ends = endOffsets.get();
        }
        return catchUp.awaitReached(ends, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
    }

    public boolean caughtUp() {
        return catchUp.caughtUp();
    }

    /** Entries still to read before {@link #caughtUp()}; -1 while the end is unknown. */
    public long behind() {
        return catchUp.behind();
    }
}
