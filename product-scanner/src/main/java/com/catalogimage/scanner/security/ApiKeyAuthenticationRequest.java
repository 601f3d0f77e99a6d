package com.catalogimage.scanner.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** An API key presented by a caller. Never logged. */
public class ApiKeyAuthenticationRequest extends BaseAuthenticationRequest {

    private final String key;

    public ApiKeyAuthenticationRequest(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    @Override
    public String toString() {
        return "ApiKeyAuthenticationRequest[key=***]";
    }
}
