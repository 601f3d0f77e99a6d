package com.catalogimage.contracts.serde;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.kafka.common.serialization.Serializer;

/** Writes any pipeline event as JSON. Byte arrays (image bytes) become base64 strings. */
public class JsonSerializer<T> implements Serializer<T> {

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        try {
            return JsonSerde.MAPPER.writeValueAsBytes(data);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + data.getClass().getSimpleName() + " for topic " + topic, e);
        }
    }
}
