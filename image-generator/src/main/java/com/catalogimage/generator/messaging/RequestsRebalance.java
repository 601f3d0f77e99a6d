package com.catalogimage.generator.messaging;

import com.catalogimage.generator.config.GeneratorConfig;
import com.catalogimage.messaging.shutdown.InFlightWork;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Collection;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * Hands request partitions from one generator process to another without paying for an image twice
 * (docs/decisions/0014, "Across processes"). Both callbacks run on the consumer's polling thread, inside its poll, so
 * a wait here holds the partitions' move, and the records of newly assigned partitions, until it returns:
 * <ul>
 * <li><b>Revoked</b> (a replica joins or leaves, or this one closes): the connector has already dropped the fetched
 * records of those partitions and committed what was acknowledged; records of theirs not started do not start, and
 * this waits, at most {@code generator.shutdown-grace}, for those in flight to be published and entered in the
 * ledger as published. The other process then gets them and skips them as duplicates.</li>
 * <li><b>Assigned</b>: before a record of the new partitions is fetched, the ledger is read to the end it has now, so
 * that what the previous owner entered before giving the partitions up is known.</li>
 * </ul>
 * Both waits together stay below {@code max.poll.interval.ms} (five minutes), past which the group would drop this
 * consumer. {@code CooperativeStickyAssignor} keeps the waits to the partitions that move.
 */
@ApplicationScoped
@Identifier(RequestsRebalance.NAME)
public class RequestsRebalance implements KafkaConsumerRebalanceListener {

    static final String NAME = "image-requests-rebalance";
    private static final Logger LOG = Logger.getLogger(RequestsRebalance.class);
    /** Reading the ledger's new entries takes milliseconds; a longer wait means its broker is in trouble. */
    private static final Duration LEDGER_CATCH_UP = Duration.ofSeconds(60);

    private final InFlightWork<TopicPartition> work;
    private final PaidLedgerConsumer ledger;
    private final GeneratorConfig config;

    public RequestsRebalance(InFlightWork<TopicPartition> work, PaidLedgerConsumer ledger, GeneratorConfig config) {
        this.work = work;
        this.ledger = ledger;
        this.config = config;
    }

    @Override
    public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        try {
            int inFlight = work.inFlight(partitions);
            long start = System.nanoTime();
            int left = work.release(partitions, config.shutdownGrace());
            Duration waited = Duration.ofNanos(System.nanoTime() - start);
            if (left > 0) {
                LOG.warnf("Partitions %s given up with %d request(s) still in flight after %s: their next owner may "
                        + "pay for them again", partitions, left, waited);
            } else {
                LOG.infof("Partitions %s given up once their %d request(s) in flight were out (waited %d ms)",
                        partitions, inFlight, waited.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        work.assigned(partitions);
        if (partitions.isEmpty()) {
            return;
        }
        try {
            long start = System.nanoTime();
            if (ledger.awaitCurrentEnd(LEDGER_CATCH_UP)) {
                LOG.infof("Partitions %s assigned; the ledger is read to its current end (waited %d ms)", partitions,
                        Duration.ofNanos(System.nanoTime() - start).toMillis());
            } else {
                LOG.warnf("Partitions %s assigned, but the ledger was not read to its current end within %s: a request "
                        + "their previous owner generated may be generated again", partitions, LEDGER_CATCH_UP);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
