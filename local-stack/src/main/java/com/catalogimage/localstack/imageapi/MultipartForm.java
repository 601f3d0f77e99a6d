package com.catalogimage.localstack.imageapi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code multipart/form-data} body (RFC 7578), parsed in memory. Hand-written on purpose: the emulator stands on the
 * JDK's HTTP server, which has no form parser, and nothing on local-stack's runtime classpath has one (no vert.x,
 * servlet API or commons-fileupload; pulling one in would add weight to every service test that starts the emulator).
 * It reads what openai-java 4.101.0 sends ({@code Content-Disposition: form-data; name="image[]"; filename="..."} and a
 * {@code Content-Type} per part, CRLF line ends) and what curl or a browser sends; quoted and unquoted parameters.
 */
final class MultipartForm {

    /** One part; {@code filename} and {@code contentType} may be null. */
    record Part(String name, String filename, String contentType, byte[] data) {

        String text() {
            return new String(data, StandardCharsets.UTF_8);
        }

        boolean isFile() {
            return filename != null || (contentType != null && !contentType.toLowerCase(Locale.ROOT).startsWith("text/"));
        }
    }

    /** A body that is not a form: carries nothing but the reason, for the 400. */
    static final class Malformed extends Exception {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    /** A body larger than the bound: answered 413 without reading the rest. */
    static final class TooLarge extends Exception {
        TooLarge(String message) {
            super(message, null, false, false);
        }
    }

    private static final Pattern BOUNDARY = Pattern.compile("(?i)boundary=(\"([^\"]+)\"|([^;\\s]+))");
    private static final Pattern PARAM = Pattern.compile("(?i);\\s*(name|filename)\\s*=\\s*(\"((?:[^\"\\\\]|\\\\.)*)\"|([^;\\s]*))");
    private static final byte[] CRLF_CRLF = {'\r', '\n', '\r', '\n'};

    private final List<Part> parts;

    private MultipartForm(List<Part> parts) {
        this.parts = List.copyOf(parts);
    }

    /** The boundary of a {@code multipart/form-data} content type, or null when it is another type. */
    static String boundary(String contentType) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            return null;
        }
        Matcher m = BOUNDARY.matcher(contentType);
        return m.find() ? (m.group(2) != null ? m.group(2) : m.group(3)) : null;
    }

    /** Reads at most {@code maxBytes}; more is {@link TooLarge}. */
    static MultipartForm read(InputStream in, String boundary, long maxBytes) throws IOException, Malformed, TooLarge {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int read; (read = in.read(buffer)) > 0; ) {
            total += read;
            if (total > maxBytes) {
                throw new TooLarge("The request body is larger than " + maxBytes + " bytes.");
            }
            out.write(buffer, 0, read);
        }
        return parse(out.toByteArray(), boundary);
    }

    static MultipartForm parse(byte[] body, String boundary) throws Malformed {
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        int at = indexOf(body, delimiter, 0);
        if (at < 0) {
            throw new Malformed("The multipart body has no part delimited by its boundary.");
        }
        List<Part> parts = new ArrayList<>();
        byte[] next = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        while (true) {
            int afterDelimiter = at + delimiter.length;
            if (afterDelimiter + 1 < body.length && body[afterDelimiter] == '-' && body[afterDelimiter + 1] == '-') {
                return new MultipartForm(parts); // the close delimiter
            }
            int headersStart = skipLineEnd(body, afterDelimiter);
            int headersEnd = indexOf(body, CRLF_CRLF, headersStart);
            if (headersEnd < 0) {
                throw new Malformed("A multipart part has no end of headers.");
            }
            int dataStart = headersEnd + CRLF_CRLF.length;
            int dataEnd = indexOf(body, next, dataStart);
            if (dataEnd < 0) {
                throw new Malformed("The multipart body ends without its close delimiter.");
            }
            parts.add(part(new String(body, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8),
                    Arrays.copyOfRange(body, dataStart, dataEnd)));
            at = dataEnd + 2; // at the "--boundary" that follows the CRLF
        }
    }

    private static Part part(String headers, byte[] data) throws Malformed {
        String name = null;
        String filename = null;
        String contentType = null;
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String header = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            if (header.equals("content-disposition")) {
                Matcher m = PARAM.matcher(value);
                while (m.find()) {
                    String v = m.group(3) != null ? m.group(3).replaceAll("\\\\(.)", "$1") : m.group(4);
                    if (m.group(1).equalsIgnoreCase("name")) {
                        name = v;
                    } else {
                        filename = v;
                    }
                }
            } else if (header.equals("content-type")) {
                contentType = value;
            }
        }
        if (name == null) {
            throw new Malformed("A multipart part has no Content-Disposition name.");
        }
        return new Part(name, filename, contentType, data);
    }

    private static int skipLineEnd(byte[] body, int at) {
        int i = at;
        while (i < body.length && (body[i] == ' ' || body[i] == '\t')) {
            i++; // transport padding after the delimiter (RFC 2046)
        }
        if (i + 1 < body.length && body[i] == '\r' && body[i + 1] == '\n') {
            return i + 2;
        }
        return i;
    }

    /** First index of {@code needle} in {@code haystack} at or after {@code from}, or -1. */
    static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    List<Part> parts() {
        return parts;
    }

    /** The parts with one of these names, in body order. */
    List<Part> all(String... names) {
        List<String> wanted = List.of(names);
        return parts.stream().filter(p -> wanted.contains(p.name())).toList();
    }

    /** The first part with this name, or null. */
    Part first(String name) {
        return parts.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
    }
}
