package com.catalogimage.localstack.imageapi;

import static com.catalogimage.localstack.http.JsonHttpServer.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

/**
 * Structured outputs ({@code response_format: {"type":"json_schema", ...}}) as the service applies them: a strict schema
 * is checked the way OpenAI checks one (every object closed with {@code additionalProperties: false}, every property
 * required), and the emulator's answer is fitted to whatever schema the client sent, so the JSON a client gets back
 * always has exactly the shape it asked for (a missing value gets its type's empty value, an unknown one is dropped).
 */
final class StructuredOutput {

    private StructuredOutput() {
    }

    /** Why a strict schema would be refused, in the service's words, or null when it is acceptable. */
    static String strictViolation(String name, JsonNode schema) {
        return violation(name, schema, "()");
    }

    private static String violation(String name, JsonNode schema, String context) {
        if (schema == null || !schema.isObject()) {
            return null;
        }
        if (isType(schema, "object")) {
            JsonNode additional = schema.get("additionalProperties");
            if (additional == null || !additional.isBoolean() || additional.booleanValue()) {
                return "Invalid schema for response_format '" + name + "': In context=" + context
                        + ", 'additionalProperties' is required to be supplied and to be false.";
            }
            JsonNode properties = schema.path("properties");
            Set<String> required = new HashSet<>();
            schema.path("required").forEach(r -> required.add(r.asText()));
            Iterator<String> keys = properties.fieldNames();
            while (keys.hasNext()) {
                String key = keys.next();
                if (!required.contains(key)) {
                    return "Invalid schema for response_format '" + name + "': In context=" + context + ", 'required' is "
                            + "required to be supplied and to be an array including every key in properties. Missing '"
                            + key + "'.";
                }
                String nested = violation(name, properties.get(key), "('properties', '" + key + "')");
                if (nested != null) {
                    return nested;
                }
            }
        }
        if (isType(schema, "array")) {
            return violation(name, schema.get("items"), context.equals("()") ? "('items',)" : context + ", 'items'");
        }
        return null;
    }

    /** {@code value} reshaped to {@code schema}; a null schema leaves it as it is. */
    static JsonNode fit(JsonNode schema, JsonNode value) {
        if (schema == null || !schema.isObject()) {
            return value == null ? JsonNodeFactory.instance.nullNode() : value;
        }
        JsonNode enumValues = schema.get("enum");
        if (enumValues != null && enumValues.isArray() && !enumValues.isEmpty()) {
            for (JsonNode allowed : enumValues) {
                if (allowed.equals(value)) {
                    return value;
                }
            }
            return enumValues.get(0);
        }
        if (isType(schema, "object")) {
            ObjectNode out = JSON.createObjectNode();
            Iterator<String> keys = schema.path("properties").fieldNames();
            while (keys.hasNext()) {
                String key = keys.next();
                out.set(key, fit(schema.path("properties").get(key), value == null ? null : value.get(key)));
            }
            return out;
        }
        if (isType(schema, "array")) {
            ArrayNode out = JSON.createArrayNode();
            if (value != null && value.isArray()) {
                value.forEach(item -> out.add(fit(schema.get("items"), item)));
            }
            return out;
        }
        if (isType(schema, "string")) {
            return JsonNodeFactory.instance.textNode(value != null && value.isValueNode() ? value.asText() : "");
        }
        if (isType(schema, "boolean")) {
            return JsonNodeFactory.instance.booleanNode(value != null && value.asBoolean());
        }
        if (isType(schema, "integer")) {
            return JsonNodeFactory.instance.numberNode(value == null ? 0 : value.asLong());
        }
        if (isType(schema, "number")) {
            return JsonNodeFactory.instance.numberNode(value == null ? 0.0 : value.asDouble());
        }
        if (isType(schema, "null")) {
            return JsonNodeFactory.instance.nullNode();
        }
        return value == null ? JsonNodeFactory.instance.nullNode() : value;
    }

    /** {@code "type": "x"} or {@code "type": ["x", "null"]}. */
    private static boolean isType(JsonNode schema, String type) {
        JsonNode node = schema.get("type");
        if (node == null) {
            return "object".equals(type) && schema.has("properties");
        }
        if (node.isTextual()) {
            return type.equals(node.asText());
        }
        if (node.isArray()) {
            for (JsonNode t : node) {
                if (!"null".equals(t.asText())) {
                    return type.equals(t.asText());
                }
            }
        }
        return false;
    }
}
