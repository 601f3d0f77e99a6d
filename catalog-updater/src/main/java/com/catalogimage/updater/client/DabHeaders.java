package com.catalogimage.updater.client;

import com.catalogimage.dabauth.DabBearer;
import com.catalogimage.updater.config.DabConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/** DAB's role header and bearer token (Entra ID through azure-identity, or the static dev token), when configured. */
@ApplicationScoped
public class DabHeaders implements ClientHeadersFactory {

    private final DabConfig config;
    private final DabBearer bearer;

    public DabHeaders(DabConfig config) {
        this.config = config;
        this.bearer = DabBearer.of(config.authScope(), config.token());
    }

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming, MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        config.role().ifPresent(value -> headers.add("X-MS-API-ROLE", value));
        bearer.authorization().ifPresent(value -> headers.add("Authorization", value));
        return headers;
    }
}
