package com.catalogimage.console.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** How actions answer: 303 to the page they came from, with a short message the layout shows as its flash. */
public final class Redirects {

    /** The query parameter carrying the flash message. */
    public static final String DONE = "done";
    private static final int MAX_FLASH = 200;

    private Redirects() {
    }

    /**
     * 303 See Other to a path of this console (never a URL from the request: no open redirect) with the message.
     *
     * @param path an absolute path of this console, e.g. {@code /reviews}
     */
    public static Response seeOther(String path, String message) {
        if (path == null || !path.startsWith("/") || path.startsWith("//")) {
            path = "/";
        }
        UriBuilder uri = UriBuilder.fromPath(path);
        if (message != null && !message.isBlank()) {
            // Encoded here: UriBuilder would read a brace in the message (a template's {name}) as a URI template.
            uri.replaceQuery(DONE + "=" + URLEncoder.encode(bounded(message), StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return Response.seeOther(uri.build()).build();
    }

    static String bounded(String message) {
        String plain = message.strip();
        return plain.length() <= MAX_FLASH ? plain : plain.substring(0, MAX_FLASH - 1) + "…";
    }
}
