package com.catalogimage.contracts.serde;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The one JSON mapping of the pipeline's events, shared by every serializer and deserializer. */
public final class JsonSerde {

    /**
     * Tolerant on read: an unknown field or enum constant from a newer producer must not break an older consumer.
     * Instants as ISO-8601 strings so the records are readable with any Kafka console tool.
     */
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private JsonSerde() {
    }
}
