package com.catalogimage.updater.service;

/** What to do with a stored image, given what the catalog holds now. Pure: no I/O. */
public enum WriteDecision {
    /**
     * Write ours: the product has no image, or, for a restyle, it still holds the original the restyle replaces (the
     * only image this service ever overwrites, decision 0031).
     */
    WRITE,
    /** The product already holds our URL: a redelivery after a write whose status was lost. Nothing to write. */
    ALREADY_COMPLETED,
    /** Someone set another image meanwhile: never overwrite it. */
    ALREADY_HAS_IMAGE,
    /**
     * A restyle whose original is no longer the product's image: someone changed (or removed) it since the restyle was
     * requested; theirs is kept.
     */
    IMAGE_CHANGED,
    /** The product was deleted: nothing to write; the blob stays. */
    PRODUCT_GONE,
    /**
     * Someone else (another updater, a person) set an image between our read and our conditional write, which
     * therefore wrote nothing: theirs is kept. Only {@link #ofRefusedWrite} says so.
     */
    OUTSIDE_WRITE;

    /**
     * @param exists       whether the catalog still has the product
     * @param currentUrl   its {@code ImageUrl} (null or blank means none)
     * @param ourUrl       the URL of the image we stored
     */
    public static WriteDecision decide(boolean exists, String currentUrl, String ourUrl) {
        return decide(exists, currentUrl, ourUrl, null);
    }

    /**
     * @param originalUrl for a restyle, the image it replaces ({@code request.product().imageUrl()}); {@code null} (or
     *                    blank: a restyle without an original) for any other image, which never overwrites one
     */
    public static WriteDecision decide(boolean exists, String currentUrl, String ourUrl, String originalUrl) {
        if (!exists) {
            return PRODUCT_GONE;
        }
        String current = currentUrl == null ? "" : currentUrl.strip();
        if (!current.isEmpty() && current.equals(ourUrl)) {
            return ALREADY_COMPLETED;
        }
        if (originalUrl != null && !originalUrl.isBlank()) {
            return current.equals(originalUrl.strip()) ? WRITE : IMAGE_CHANGED;
        }
        return current.isEmpty() ? WRITE : ALREADY_HAS_IMAGE;
    }

    /**
     * The conditional write found an image although our read had found none: ours (another delivery of the same image
     * won, e.g. on a second replica after a rebalance) is done; any other is an outside write, never overwritten.
     *
     * @param urlNow what the product holds according to the write's answer
     */
    public static WriteDecision ofRefusedWrite(String urlNow, String ourUrl) {
        return urlNow != null && urlNow.strip().equals(ourUrl) ? ALREADY_COMPLETED : OUTSIDE_WRITE;
    }
}
