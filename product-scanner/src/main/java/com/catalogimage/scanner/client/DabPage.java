package com.catalogimage.scanner.client;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A Data API Builder response: {@code value} holds the rows; {@code nextLink} is present while more pages remain. */
public record DabPage<T>(List<T> value, String nextLink) {

    /** The opaque {@code $after} cursor of the next page, or {@code null} on the last page. */
    public String nextCursor() {
        String query = nextLink == null || nextLink.isBlank() ? null : URI.create(nextLink).getRawQuery();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && "$after".equals(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8))) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
