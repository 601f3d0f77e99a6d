package com.catalogimage.uploader.service;

/** The bytes are not the image they claim to be: retrying cannot help. The message is safe to show an operator. */
public class InvalidImageException extends RuntimeException {

    public InvalidImageException(String detail) {
        super(detail);
    }

    public InvalidImageException(String detail, Throwable cause) {
        super(detail, cause);
    }
}
