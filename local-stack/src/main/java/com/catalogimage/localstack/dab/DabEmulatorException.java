package com.catalogimage.localstack.dab;

/**
 * A request that ends in a DAB error envelope. Handlers throw it from any depth; the router turns it into
 * {@code {"error":{"code":…,"message":…,"status":…}}}, which is all a DAB client ever sees of a failure.
 */
final class DabEmulatorException extends RuntimeException {

    private final int status;
    private final String code;

    DabEmulatorException(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }
}
