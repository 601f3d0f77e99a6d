package com.catalogimage.console.client;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * What a person is told when the scanner refused or could not be reached: its problem's {@code message} (the scanner
 * writes it for operators: states and reasons, never secrets), else its status. Never the exception's own text, which
 * can hold the scanner's URL.
 */
public final class ScannerAnswers {

    private ScannerAnswers() {
    }

    /** Whether the scanner answered at all (a 4xx or 5xx), as opposed to being unreachable. */
    public static boolean answered(RuntimeException e) {
        return e instanceof WebApplicationException;
    }

    public static String message(RuntimeException e) {
        if (e instanceof WebApplicationException refused) {
            Response response = refused.getResponse();
            String message = null;
            try {
                Map<?, ?> problem = response.readEntity(Map.class);
                Object text = problem == null ? null : problem.get("message");
                message = text == null ? null : text.toString();
            } catch (RuntimeException unreadable) {
                // not a problem body: the status says enough
            }
            return message == null || message.isBlank() ? "the scanner answered " + response.getStatus() : message;
        }
        if (e instanceof ProcessingException) {
            return "the scanner did not answer";
        }
        return "the scanner call failed";
    }
}
