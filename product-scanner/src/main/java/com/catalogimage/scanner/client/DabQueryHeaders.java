package com.catalogimage.scanner.client;

import com.catalogimage.dabauth.DabBearer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/** DAB's role header and bearer token (Entra ID through azure-identity, or the static dev token), when configured. */
@ApplicationScoped
public class DabQueryHeaders implements ClientHeadersFactory {

    @ConfigProperty(name = "dab.role")
    Optional<String> role;

    @ConfigProperty(name = "dab.token")
    Optional<String> token;

    @ConfigProperty(name = "dab.auth-scope")
    Optional<String> authScope;

    private volatile DabBearer bearer;

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming, MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        role.ifPresent(value -> headers.add("X-MS-API-ROLE", value));
        bearer().authorization().ifPresent(value -> headers.add("Authorization", value));
        return headers;
    }

    private DabBearer bearer() {
        DabBearer current = bearer;
        if (current == null) {
            synchronized (this) {
                if (bearer == null) {
                    bearer = DabBearer.of(authScope, token);
                }
                current = bearer;
            }
        }
        return current;
    }
}
