package com.catalogimage.generator.service;

import com.catalogimage.contracts.PaidGeneration;

/**
 * Where a payment is written the moment it is made ({@code paid-generations}, docs/decisions/0014): the messaging layer
 * writes it and waits for the broker, so that a restart still counts the image even when what follows (the quality
 * check, a regeneration, the publication) never happens.
 */
@FunctionalInterface
public interface Ledger {
    void write(PaidGeneration paid);
}
