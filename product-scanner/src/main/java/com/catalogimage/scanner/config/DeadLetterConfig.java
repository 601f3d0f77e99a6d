package com.catalogimage.scanner.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the dead-letter topic is listed and replayed. */
@ConfigMapping(prefix = "dead-letters")
public interface DeadLetterConfig {

    /**
     * How long one listing or replay may take to read the dead-letter topic up to its end. Dead letters from the uploader
     * carry their image (up to 16 MiB each), so a big backlog takes a while; past this the call answers 503.
     */
    @WithDefault("30s")
    Duration readTimeout();

    /** Entries a listing returns when the caller gives no {@code limit} (newest first). */
    @WithDefault("100")
    int defaultLimit();

    /** The largest {@code limit} a listing accepts. */
    @WithDefault("1000")
    int maxLimit();
}
