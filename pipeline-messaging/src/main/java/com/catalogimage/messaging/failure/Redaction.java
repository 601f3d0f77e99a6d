package com.catalogimage.messaging.failure;

import java.util.regex.Pattern;

/**
 * What a failure may say where people and other systems read it (a status, a dead letter's headers): one line, bounded,
 * with anything that looks like a secret taken out. Client exceptions carry whatever the server answered (an XML error
 * body, SQL text from DAB in development mode, a request URL with its SAS query); nothing of that is trusted.
 */
public final class Redaction {

    /** Longer details are cut: a reason is for reading, the logs have the rest. */
    static final int MAX_CHARS = 500;

    private static final Pattern SAS_QUERY = Pattern.compile("(?i)\\?([^\\s\"'<>]*\\bsig=)[^\\s\"'<>]*");
    private static final Pattern SECRET_PAIR = Pattern.compile(
            "(?i)\\b(AccountKey|SharedAccessSignature|SharedAccessKey|sig|api[-_]?key|password|pwd|secret|token)(\\s*[=:]\\s*)[^\\s;&,\"'<>]+");
    private static final Pattern BEARER = Pattern.compile("(?i)\\b(Bearer)\\s+[A-Za-z0-9._~+/=-]+");
    private static final Pattern MARKUP = Pattern.compile("<[^>]{0,200}>");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Redaction() {
    }

    public static String clean(String detail) {
        if (detail == null || detail.isBlank()) {
            return "";
        }
        String text = SAS_QUERY.matcher(detail).replaceAll("?[redacted]");
        text = SECRET_PAIR.matcher(text).replaceAll("$1$2[redacted]");
        text = BEARER.matcher(text).replaceAll("$1 [redacted]");
        text = MARKUP.matcher(text).replaceAll(" ");
        text = SPACES.matcher(text).replaceAll(" ").strip();
        return text.length() <= MAX_CHARS ? text : text.substring(0, MAX_CHARS - 1) + "…";
    }
}
