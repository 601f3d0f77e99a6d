package com.catalogimage.console.security;

import com.catalogimage.console.client.BlobStorage;
import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The headers every response carries, pages, scripts, redirects and health answers alike (a Vert.x filter, ahead of
 * every route): no script but the console's own files, images only from here and the blob endpoint (the SAS links),
 * never framed, forms only to here; no sniffing; no Referer, so a SAS URL on a page never leaks to another site.
 */
@ApplicationScoped
public class SecurityHeaders {

    /** Ahead of Quarkus's own filters (CORS is 300, authentication about 200): a refused request gets them too. */
    private static final int PRIORITY = 1000;

    private final String policy;

    public SecurityHeaders(BlobStorage storage) {
        this.policy = contentSecurityPolicy(storage.origin());
    }

    /** The policy with the blob endpoint's origin (scheme, host and port) as the only other image source. */
    public static String contentSecurityPolicy(String blobOrigin) {
        return "default-src 'self'; img-src 'self' " + blobOrigin + "; frame-ancestors 'none'; form-action 'self'; "
                + "base-uri 'none'; object-src 'none'";
    }

    void register(@Observes Filters filters) {
        filters.register(routing -> {
            routing.addHeadersEndHandler(ignored -> routing.response().headers()
                    .set("Content-Security-Policy", policy)
                    .set("X-Content-Type-Options", "nosniff")
                    .set("Referrer-Policy", "no-referrer")
                    .set("X-Frame-Options", "DENY"));
            routing.next();
        }, PRIORITY);
    }
}
