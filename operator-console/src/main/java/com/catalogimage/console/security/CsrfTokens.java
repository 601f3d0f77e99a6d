package com.catalogimage.console.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/** The CSRF token itself: random, URL-safe, compared in constant time. */
public final class CsrfTokens {

    /** The cookie, the form field and the meta tag's name. */
    public static final String NAME = "csrf-token";
    /** The header {@code fetch} calls send it in. */
    public static final String HEADER = "X-CSRF-Token";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int BYTES = 32;

    private CsrfTokens() {
    }

    public static String generate() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether a cookie holds a token this console could have issued (not an attacker's arbitrary value). */
    public static boolean wellFormed(String token) {
        if (token == null || token.length() != 43) {
            return false;
        }
        try {
            return Base64.getUrlDecoder().decode(token).length == BYTES;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Whether the submitted token equals the cookie's; both must be present and well formed. */
    public static boolean matches(String cookie, String submitted) {
        if (!wellFormed(cookie) || submitted == null) {
            return false;
        }
        return MessageDigest.isEqual(cookie.getBytes(StandardCharsets.US_ASCII),
                submitted.getBytes(StandardCharsets.US_ASCII));
    }
}
