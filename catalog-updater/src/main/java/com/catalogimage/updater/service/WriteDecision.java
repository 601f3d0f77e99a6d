package com.catalogimage.updater.service;

/** What to do with a stored image, given what the catalog holds now. Pure: no I/O. */
public enum WriteDecision {
    /** The product has no image: write ours. */
    WRITE,
    /** The product already holds our URL: a redelivery after a write whose status was lost. Nothing to write. */
    ALREADY_COMPLETED,
    /** Someone set another image meanwhile: never overwrite it. */
    ALREADY_HAS_IMAGE,
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
        if (!exists) {
            return PRODUCT_GONE;
        }
        if (currentUrl == null || currentUrl.isBlank()) {
            return WRITE;
        }
        return currentUrl.strip().equals(ourUrl) ? ALREADY_COMPLETED : ALREADY_HAS_IMAGE;
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
