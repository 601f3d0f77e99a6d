package com.catalogimage.updater.client;

/** What a write of the image URL did. */
public sealed interface CatalogWrite {

    /** The URL is in the catalog now, written by this call. */
    record Written() implements CatalogWrite {
    }

    /** The product vanished since it was read. */
    record Gone() implements CatalogWrite {
    }

    /**
     * The conditional procedure wrote nothing: the product held an image when the write ran, {@code imageUrlNow}.
     * Only stored-procedure mode can say so; table mode's PATCH is unconditional.
     */
    record NotWritten(String imageUrlNow) implements CatalogWrite {
    }
}
