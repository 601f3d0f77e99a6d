package com.catalogimage.contracts.serde;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JavaType;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads one pipeline event type from JSON. A record that is not that JSON fails with a {@link SerializationException}
 * naming the topic and the type; the Kafka consumer wraps it in a {@code RecordDeserializationException} that adds the
 * partition and offset, which is what SmallRye's failure handling and the dead-letter topic see.
 */
public class JsonDeserializer<T> implements Deserializer<T> {

    private final JavaType type;

    protected JsonDeserializer(Class<T> type) {
        this.type = JsonSerde.MAPPER.constructType(type);
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            return JsonSerde.MAPPER.readValue(data, type);
        } catch (IOException e) {
            String why = e instanceof JacksonException jackson ? jackson.getOriginalMessage() : e.getMessage();
            throw new SerializationException("Record on topic " + topic + " is not a valid " + type.getRawClass().getSimpleName()
                    + " (" + data.length + " bytes): " + why, e);
        }
    }
}
