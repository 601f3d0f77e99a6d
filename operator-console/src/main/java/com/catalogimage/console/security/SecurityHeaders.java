package com.catalogimage.console.security;

import com.catalogimage.console.client.BlobStorage;
import com.catalogimage.console.config.ConsoleConfig;
import com.catalogimage.console.service.OriginalImages;
import java.util.List;
import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The headers every response carries, pages, scripts, redirects and health answers alike (a Vert.x filter, ahead of
 * every route): no script but the console's own files, images only from here and the blob endpoint (the SAS links),
 * never framed, forms only to here; no sniffing; no Referer, so a SAS URL on a page never leaks to another site. Images
 * may also come from the configured photo hosts ({@code REFERENCE_PHOTO_HOSTS}): a restyle's original is shown from
 * there ({@link OriginalImages}).
 */
@ApplicationScoped
public class SecurityHeaders {

    /** Ahead of Quarkus's own filters (CORS is 300, authentication about 200): a refused request gets them too. */
    private static final int PRIORITY = 1000;

    private final String policy;

    public SecurityHeaders(BlobStorage storage, ConsoleConfig config) {
        this.policy = contentSecurityPolicy(storage.origin(),
                new OriginalImages(config.restyle().originalHosts()).sources());
    }

    /** The policy with the blob endpoint's origin (scheme, host and port) as the only other image source. */
    public static String contentSecurityPolicy(String blobOrigin) {
        return contentSecurityPolicy(blobOrigin, List.of());
    }

    /** The same with the photo hosts ({@code host[:port]}, already checked to be no more than that) as image sources. */
    public static String contentSecurityPolicy(String blobOrigin, List<String> photoHosts) {
        return "default-src 'self'; img-src 'self' " + blobOrigin
                + photoHosts.stream().map(host -> " " + host).reduce("", String::concat)
                + "; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'";
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
