package com.catalogimage.scanner.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/** DAB's role header and bearer token, sent only when configured. */
@ApplicationScoped
public class DabQueryHeaders implements ClientHeadersFactory {

    @ConfigProperty(name = "dab.role")
    Optional<String> role;

    @ConfigProperty(name = "dab.token")
    Optional<String> token;

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming, MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        role.ifPresent(value -> headers.add("X-MS-API-ROLE", value));
        token.ifPresent(value -> headers.add("Authorization", "Bearer " + value));
        return headers;
    }
}
