package com.catalogimage.uploader.client;

import com.azure.storage.blob.BlobContainerClient;

/**
 * The private container images wait in for a reviewer ({@code REVIEW_MODE=manual}): a type of its own rather than a
 * second, qualified {@link BlobContainerClient}, so the public container can never be injected where this one is meant.
 *
 * @param client the container's client, same account and credentials as the public one
 */
public record ReviewContainer(BlobContainerClient client) {
}
