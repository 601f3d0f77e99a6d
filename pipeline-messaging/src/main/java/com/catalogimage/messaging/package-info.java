/**
 * The Kafka and SmallRye code the stages share, each concern written once: the status memory
 * ({@code status}), the failure policy and the poison path ({@code failure}), pause, probe and resume
 * ({@code pause}), and the trace and log context of one product's work ({@code tracing}).
 */
package com.catalogimage.messaging;
