package com.catalogimage.console.service;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A restyle's original (the catalog's image before it, a supplier photo: untrusted text from the catalog) as a page
 * shows it. Pure: no I/O. Drawn as an image only when its host is one of {@code REFERENCE_PHOTO_HOSTS}, which the
 * Content-Security-Policy then lets images come from; otherwise a link, and only an http(s) one, so that a catalog value
 * such as {@code javascript:} never becomes a link at all.
 */
public final class OriginalImages {

    /** A {@code host[:port]}: nothing that could end a CSP directive or add a source. */
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]+(:[0-9]{1,5})?|\\[[0-9A-Fa-f:.]+\\](:[0-9]{1,5})?");

    private final List<String> hosts;

    /** @param hosts the configured {@code host[:port]} entries; those that are no such thing are dropped */
    public OriginalImages(Optional<List<String>> hosts) {
        this.hosts = hosts.orElse(List.of()).stream().map(String::strip).filter(host -> HOST.matcher(host).matches())
                .map(host -> host.toLowerCase(Locale.ROOT)).distinct().toList();
    }

    /**
     * How the page shows one.
     *
     * @param url   the URL, when it is an http(s) one (else null: shown as text only)
     * @param drawn whether it may be an {@code <img>}
     */
    public record Original(String text, String url, boolean drawn) {
    }

    /** Null for no original. */
    public Original of(String imageUrl) {
        if (imageUrl == null || imageUrl.isBlank()) {
            return null;
        }
        URI uri = web(imageUrl.strip());
        if (uri == null) {
            return new Original(imageUrl, null, false);
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        String hostPort = uri.getPort() < 0 ? host : host + ":" + uri.getPort();
        boolean drawn = hosts.contains(hostPort) || (uri.getPort() < 0 && hosts.contains(host));
        return new Original(imageUrl, uri.toString(), drawn);
    }

    /** The CSP sources images may come from besides the console and the blob endpoint: these hosts. */
    public List<String> sources() {
        return hosts;
    }

    private static URI web(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && uri.getUserInfo() == null
                    ? uri : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
