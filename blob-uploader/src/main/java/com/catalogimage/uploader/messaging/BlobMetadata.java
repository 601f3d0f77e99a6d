package com.catalogimage.uploader.messaging;

import com.catalogimage.contracts.GeneratedImage;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The blob metadata that ties an image to its product and request. Metadata travels as HTTP headers: values must be
 * printable ASCII, so anything else is replaced.
 */
final class BlobMetadata {

    private static final int MAX_VALUE = 256;

    private BlobMetadata() {
    }

    static Map<String, String> of(GeneratedImage generated) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("productid", String.valueOf(generated.request().product().id()));
        put(metadata, "requestid", generated.request().requestId());
        put(metadata, "model", generated.model());
        return metadata;
    }

    private static void put(Map<String, String> metadata, String key, String value) {
        String clean = ascii(value);
        if (!clean.isEmpty()) {
            metadata.put(key, clean);
        }
    }

    static String ascii(String value) {
        if (value == null) {
            return "";
        }
        String printable = value.replaceAll("[^\\x20-\\x7e]", "_").strip();
        return printable.length() > MAX_VALUE ? printable.substring(0, MAX_VALUE) : printable;
    }
}
