package com.catalogimage.console.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * What the console reads of the scanner's last scan report (the scanner's {@code ScanReport}; other fields ignored).
 *
 * @param seen            catalog rows the scan read (table mode: only rows without an image, see the overview)
 * @param missing         rows without an image
 * @param alreadyInFlight missing rows requested and not finished
 * @param deadLettered    missing rows waiting in the dead-letter topic
 * @param stuck           in flight past the scanner's timeout
 * @param total           the whole catalog's rows, when the scanner reports it (not yet: see {@code Coverage})
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ScanFigures(
        String trigger,
        String mode,
        Instant startedAt,
        Instant finishedAt,
        int seen,
        int missing,
        int alreadyInFlight,
        int stuck,
        int deadLettered,
        Integer total) {
}
