package com.catalogimage.messaging.health;

import com.catalogimage.contracts.FailureClass;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a readiness answer may say about a failing dependency: its name, an HTTP status and its standard phrase, or a
 * fixed sentence per kind of failure. Never the error text itself: SDK and DAB messages carry URLs, host names,
 * response bodies (XML, SQL text in DAB's development mode) and exception class names, and a readiness endpoint is
 * answered to whoever can reach the port. The full error goes to the log, once (the pause's line, {@link ReadinessLog}).
 */
public final class ReadinessReason {

    /**
     * An HTTP status as the clients here write it: "Status code 403" (Azure SDK), "answered 403" (our DAB clients),
     * "status code 403" / "HTTP 403" (REST clients), "404: " at the start of a word (openai-java).
     */
    private static final Pattern STATUS = Pattern.compile(
            "(?i)(?:\\bstatus(?:\\s+code)?|\\banswered|\\bHTTP)[\\s:=]*([1-5]\\d{2})\\b|(?:^|\\s)([1-5]\\d{2}):\\s");
    private static final Map<Integer, String> PHRASES = Map.ofEntries(
            Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"),
            Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"), Map.entry(408, "Request Timeout"),
            Map.entry(409, "Conflict"), Map.entry(412, "Precondition Failed"), Map.entry(413, "Content Too Large"),
            Map.entry(429, "Too Many Requests"), Map.entry(500, "Internal Server Error"), Map.entry(502, "Bad Gateway"),
            Map.entry(503, "Service Unavailable"), Map.entry(504, "Gateway Timeout"));

    private ReadinessReason() {
    }

    /** "Data API Builder answered 403 Forbidden". */
    public static String answered(String dependency, int status) {
        String phrase = PHRASES.get(status);
        return dependency + " answered " + status + (phrase == null ? "" : " " + phrase);
    }

    /** The HTTP status an error text names, if it names one in a form the clients here use. */
    public static Optional<Integer> status(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = STATUS.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2)));
    }

    /** Why a stage is paused: the status its dependency answered, else what the failure class means. */
    public static String paused(String dependency, FailureClass failureClass, String detail) {
        Optional<Integer> status = status(detail);
        if (status.isPresent()) {
            return answered(dependency, status.get());
        }
        if (identityFailure(detail)) {
            return "no token for " + dependency + ": azure-identity found no usable identity or was refused";
        }
        return switch (failureClass) {
            case RESOURCE_BLOCKED -> dependency + " has blocked the resource";
            case CONFIGURATION -> dependency + " refuses our configuration or credentials";
            default -> dependency + " refuses us (" + failureClass + ")";
        };
    }

    /** Why a readiness probe of a dependency failed: the status it answered, that it did not answer, or that it failed. */
    public static String probeFailed(String dependency, Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth++ < 16; t = t.getCause()) {
            Optional<Integer> status = status(t.getMessage());
            if (status.isPresent()) {
                return answered(dependency, status.get());
            }
        }
        depth = 0;
        for (Throwable t = failure; t != null && depth++ < 16; t = t.getCause()) {
            if (identityFailure(t.getClass().getName())) {
                return "no token for " + dependency + ": azure-identity found no usable identity or was refused";
            }
            if (t instanceof IOException || t instanceof TimeoutException
                    || t.getClass().getSimpleName().contains("Timeout")
                    || t.getClass().getName().equals("jakarta.ws.rs.ProcessingException")) {
                return dependency + " did not answer";
            }
        }
        return dependency + " check failed";
    }

    private static boolean identityFailure(String text) {
        return text != null && (text.contains("CredentialUnavailableException") || text.contains("ClientAuthenticationException"));
    }
}
