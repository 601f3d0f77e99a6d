package com.catalogimage.updater.service;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which URLs the updater may write into the catalog: only those under the configured public bases (the container's
 * URL, or the CDN in front of it). A stored-images record is input from Kafka; whoever can write to that topic must
 * not be able to put an arbitrary link, a SAS-signed URL or a path outside our container on a product page. Pure.
 */
public final class ImageUrlRule {

    /** The catalog's column: {@code Products.ImageUrl NVARCHAR(1000)}. */
    static final int MAX_LENGTH = 1000;

    private final List<URI> bases;

    private ImageUrlRule(List<URI> bases) {
        this.bases = bases;
    }

    /**
     * @param bases absolute http(s) URLs without query or fragment, e.g. {@code https://acct.blob.core.windows.net/products}
     * @throws IllegalArgumentException naming the first base that is not one
     */
    public static ImageUrlRule of(List<String> bases) {
        if (bases == null || bases.isEmpty()) {
            throw new IllegalArgumentException("updater.image-base-urls names no base (IMAGE_BASE_URL or PUBLIC_BASE_URL)");
        }
        return new ImageUrlRule(bases.stream().map(ImageUrlRule::base).toList());
    }

    private static URI base(String text) {
        URI uri = parse(text == null ? "" : text.strip().replaceAll("/+$", ""));
        if (uri == null || !isHttp(uri) || uri.getHost() == null || uri.getRawUserInfo() != null
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("updater.image-base-urls: '" + text + "' is not an absolute http(s) URL "
                    + "without query or fragment, e.g. https://cdn.example.com/products");
        }
        return uri;
    }

    /** Empty when the catalog may hold {@code url}; otherwise why not, in one line without the URL's query. */
    public Optional<String> refusal(String url) {
        if (url == null || url.isBlank()) {
            return Optional.of("the stored image has no URL");
        }
        if (url.length() > MAX_LENGTH) {
            return Optional.of("the image URL is longer than the catalog's " + MAX_LENGTH + " characters");
        }
        URI uri = parse(url);
        if (uri == null || !isHttp(uri) || uri.getHost() == null) {
            return Optional.of("the image URL is not an absolute http(s) URL");
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            // A query would be a SAS (a credential) on a public product page; user info is a credential too.
            return Optional.of("the image URL carries a query, a fragment or user info");
        }
        for (URI base : bases) {
            if (under(uri, base)) {
                return Optional.empty();
            }
        }
        return Optional.of("the image URL " + uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath()
                + " is not under the configured public base " + bases);
    }

    private static boolean under(URI uri, URI base) {
        if (!uri.getScheme().equalsIgnoreCase(base.getScheme())
                || !uri.getHost().toLowerCase(Locale.ROOT).equals(base.getHost().toLowerCase(Locale.ROOT))
                || port(uri) != port(base)) {
            return false;
        }
        String prefix = base.getRawPath() + "/";
        String path = uri.getRawPath();
        if (path == null || !path.startsWith(prefix) || path.length() == prefix.length()) {
            return false;
        }
        // No way out of the base: no dot segments, no encoded slashes or backslashes that a CDN might decode.
        String rest = path.substring(prefix.length());
        String lower = rest.toLowerCase(Locale.ROOT);
        return !lower.contains("%2f") && !lower.contains("%5c") && !rest.contains("\\")
                && List.of(rest.split("/", -1)).stream().noneMatch(s -> s.isEmpty() || s.equals(".") || s.equals("..")
                        || s.equalsIgnoreCase("%2e") || s.equalsIgnoreCase("%2e%2e"));
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static boolean isHttp(URI uri) {
        return uri.isAbsolute() && ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()));
    }

    private static URI parse(String text) {
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
