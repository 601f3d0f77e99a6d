package com.catalogimage.updater.client;

/**
 * Data API Builder refused a request: the HTTP status and the sub-status code of DAB's error envelope
 * {@code {"error":{"code":"...","message":"...","status":N}}}. What that means for the record is decided in one place,
 * {@link DabFailures}.
 */
public class DabException extends RuntimeException {

    /** DAB's sub-status for errors the database raised (400, 409 or 500), e.g. the seed's "Product not found.". */
    public static final String DATABASE_OPERATION_FAILED = "DatabaseOperationFailed";
    /** Unknown entity, or a row missing for an update-only PATCH. */
    public static final String ENTITY_NOT_FOUND = "EntityNotFound";

    private final int status;
    private final String code;
    private final String dabMessage;

    public DabException(int status, String code, String dabMessage) {
        super("Data API Builder answered " + status + " " + code + ": " + dabMessage);
        this.status = status;
        this.code = code;
        this.dabMessage = dabMessage;
    }

    public int status() {
        return status;
    }

    /** The envelope's {@code code}, or {@code "Unknown"} when the body was not DAB's envelope (a proxy's page). */
    public String code() {
        return code;
    }

    public String dabMessage() {
        return dabMessage;
    }

    public boolean is(int expectedStatus, String expectedCode) {
        return status == expectedStatus && expectedCode.equals(code);
    }
}
