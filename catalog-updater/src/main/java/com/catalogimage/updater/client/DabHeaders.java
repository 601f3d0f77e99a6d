package com.catalogimage.updater.client;

import com.catalogimage.updater.config.DabConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/** DAB's role header and bearer token, sent only when configured. */
@ApplicationScoped
public class DabHeaders implements ClientHeadersFactory {

    private final DabConfig config;

    public DabHeaders(DabConfig config) {
        this.config = config;
    }

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming, MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        config.role().ifPresent(value -> headers.add("X-MS-API-ROLE", value));
        config.token().ifPresent(value -> headers.add("Authorization", "Bearer " + value));
        return headers;
    }
}
