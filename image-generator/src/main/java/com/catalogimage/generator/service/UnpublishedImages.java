package com.catalogimage.generator.service;

import com.catalogimage.contracts.GeneratedImage;
import com.catalogimage.contracts.ProductStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Images paid for whose publication failed (the broker refused or timed out), kept by request id until the record's
 * next delivery publishes them: that delivery finds the request id paid for but not published (the ledger), and
 * without this would pay for it again. Bounded in bytes (images travel inline and can be megabytes); the
 * oldest is dropped first, with a warning. Images whose enforced quality check could not be made wait here too, for the
 * delivery that judges them. In memory only: a crash loses them, as it loses the calls in flight, and
 * their records are generated again.
 */
@ApplicationScoped
public class UnpublishedImages {

    private static final Logger LOG = Logger.getLogger(UnpublishedImages.class);
    /** A few full-size images, well inside the generator's heap. */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    /**
     * A generated image and the GENERATED status that goes with it; {@code status} is null for an image still waiting
     * for its quality check (enforce, the judge unreachable: docs/decisions/0024), which is judged before it goes out.
     */
    public record Held(GeneratedImage image, ProductStatus status) {
        public boolean awaitsCheck() {
            return status == null;
        }
    }

    private final Map<String, Held> held = new LinkedHashMap<>();
    private long bytes;

    public synchronized void keep(GeneratedImage image, ProductStatus status) {
        Held previous = held.put(image.request().requestId(), new Held(image, status));
        bytes += size(image) - (previous == null ? 0 : size(previous.image()));
        for (Iterator<Held> oldest = held.values().iterator(); bytes > MAX_BYTES && held.size() > 1; ) {
            Held dropped = oldest.next();
            oldest.remove();
            bytes -= size(dropped.image());
            LOG.warnf("Product %d (request %s): its unpublished image is dropped to bound memory; the record's next "
                    + "delivery pays for it again", dropped.image().request().product().id(),
                    dropped.image().request().requestId());
        }
    }

    /** The held image of this request, removed from the store. */
    public synchronized Optional<Held> take(String requestId) {
        Held taken = held.remove(requestId);
        if (taken != null) {
            bytes -= size(taken.image());
        }
        return Optional.ofNullable(taken);
    }

    public synchronized boolean holds(String requestId) {
        return held.containsKey(requestId);
    }

    private static long size(GeneratedImage image) {
        return image.image() == null ? 0 : image.image().length;
    }
}
