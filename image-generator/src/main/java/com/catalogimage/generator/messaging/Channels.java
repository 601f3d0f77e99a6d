package com.catalogimage.generator.messaging;

/** The generator's channel names, as configured in application.properties. */
public final class Channels {

    /** Incoming {@code image-requests}; pausable, so a halt can stop consuming. */
    public static final String REQUESTS = "image-requests";
    /** Incoming {@code image-status}: the whole topic at every start, for idempotency and the budget. */
    public static final String STATUS_IN = "status-in";
    /** Outgoing {@code generated-images}. */
    public static final String GENERATED = "generated-images";
    /** Outgoing {@code image-status}. */
    public static final String STATUS = "status-out";
    /** Incoming {@code paid-generations}: the whole ledger at every start, for idempotency and the budget. */
    public static final String LEDGER_IN = "paid-in";
    /** Outgoing {@code paid-generations}. */
    public static final String LEDGER = "paid-out";

    private Channels() {
    }
}
