package com.catalogimage.console.client;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * What a person is told when the generator refused a preview or could not be reached: its reason and detail where it
 * gives them (a refusal's {@code detail} is the image API's message, never a secret), else what the status means. Never
 * the exception's own text, which can hold the generator's URL.
 */
public final class GeneratorAnswers {

    private GeneratorAnswers() {
    }

    /** The generator's HTTP status, or 502 when it did not answer. */
    public static int status(RuntimeException e) {
        return e instanceof WebApplicationException refused ? refused.getResponse().getStatus() : 502;
    }

    public static String message(RuntimeException e) {
        if (e instanceof WebApplicationException refused) {
            Response response = refused.getResponse();
            String detail = null;
            try {
                Map<?, ?> body = response.readEntity(Map.class);
                Object text = body == null ? null : body.get("detail") != null ? body.get("detail") : body.get("message");
                detail = text == null ? null : text.toString();
            } catch (RuntimeException unreadable) {
                // not a JSON body: the status says enough
            }
            String meaning = switch (response.getStatus()) {
                case 400 -> "the generator refused the prompt (missing or too long)";
                case 401, 403 -> "the console's generator key (CONSOLE_GENERATOR_API_KEY) was not accepted";
                case 422 -> "the image model refused the prompt (content policy)";
                case 429 -> "the image quota or the daily budget is exhausted for now: try again later";
                case 503 -> "the generator is halted or not ready";
                default -> "the generator answered " + response.getStatus();
            };
            return detail == null || detail.isBlank() ? meaning : meaning + ": " + detail;
        }
        if (e instanceof ProcessingException) {
            return "the generator did not answer";
        }
        return "the preview call failed";
    }
}
