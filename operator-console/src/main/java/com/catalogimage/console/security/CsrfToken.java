package com.catalogimage.console.security;

import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/**
 * The current request's CSRF token for templates: {@code {inject:csrf.token}} in every form's hidden
 * {@code csrf-token} input and in the layout's {@code <meta name="csrf-token">}.
 */
@Named("csrf")
@RequestScoped
public class CsrfToken {

    private final RoutingContext routing;

    public CsrfToken(RoutingContext routing) {
        this.routing = routing;
    }

    /** The token the browser holds (its cookie), or the one issued with this response. */
    public String token() {
        return CsrfFilter.token(routing);
    }
}
