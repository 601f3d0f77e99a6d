package com.catalogimage.scanner.rest;

/** A JSON error body. */
public record Problem(String message) {
}
