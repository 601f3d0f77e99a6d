package com.catalogimage.console.service;

/**
 * What an action did, for the flash of the page it redirects to.
 *
 * @param done    whether anything was written
 * @param message one plain line for the person
 */
public record ActionOutcome(boolean done, String message) {
}
