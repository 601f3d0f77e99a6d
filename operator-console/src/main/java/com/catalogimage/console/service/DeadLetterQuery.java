package com.catalogimage.console.service;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The dead-letter page's filter as the scanner takes it. Pure. A browser's {@code datetime-local} field gives a time
 * without a zone ({@code 2026-12-01T10:15}); the console reads it as UTC, the zone every time on its pages is shown in.
 * An ISO instant is taken as it is.
 *
 * @param since ISO-8601 instant, or null
 * @param until ISO-8601 instant, or null
 */
public record DeadLetterQuery(String reason, String stage, String since, String until) {

    /** The filter from the page's fields; a time that cannot be read is an error the page shows. */
    public static DeadLetterQuery of(String reason, String stage, String since, String until) {
        return new DeadLetterQuery(blankToNull(reason), blankToNull(stage), instant("since", since), instant("until", until));
    }

    static String instant(String field, String value) {
        String text = blankToNull(value);
        if (text == null) {
            return null;
        }
        Optional<Instant> parsed = parse(text);
        if (parsed.isEmpty()) {
            throw new IllegalArgumentException(field + " must be a date and time such as 2026-12-01T10:15 (UTC)");
        }
        return parsed.get().toString();
    }

    private static Optional<Instant> parse(String text) {
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException notAnInstant) {
            try {
                return Optional.of(LocalDateTime.parse(text).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException notLocal) {
                return Optional.empty();
            }
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
