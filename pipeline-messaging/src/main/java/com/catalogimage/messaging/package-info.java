/**
 * The Kafka and SmallRye code the stages share, each concern written once: the status memory
 * ({@code status}), the failure policy and the poison path ({@code failure}), pause, probe and resume
 * ({@code pause}), the trace and log context of one product's work ({@code tracing}), one product's records one at a
 * time ({@code order}) and the work a shutdown waits for ({@code shutdown}).
 */
package com.catalogimage.messaging;
