package com.catalogimage.console.rest;

import com.catalogimage.console.config.ConsoleConfig;
import com.catalogimage.console.security.ConsoleRoles;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.Locale;

/**
 * What the shared layout shows on every page, as {@code {inject:page.*}}: who is logged in, whether they may act, the
 * review mode and the flash message of an action that redirected here ({@code ?done=}: plain text, escaped as all text).
 */
@Named("page")
@RequestScoped
public class PageContext {

    private final SecurityIdentity identity;
    private final RoutingContext routing;
    private final ConsoleConfig config;

    public PageContext(SecurityIdentity identity, RoutingContext routing, ConsoleConfig config) {
        this.identity = identity;
        this.routing = routing;
        this.config = config;
    }

    /** The logged-in user's name; empty on the login page. */
    public String user() {
        return identity.isAnonymous() ? "" : identity.getPrincipal().getName();
    }

    public boolean loggedIn() {
        return !identity.isAnonymous();
    }

    /** Whether the user may change anything: pages show action forms only to operators. */
    public boolean operator() {
        return identity.hasRole(ConsoleRoles.OPERATOR);
    }

    /** {@code auto} or {@code manual}. */
    public String reviewMode() {
        return config.reviewMode().name().toLowerCase(Locale.ROOT);
    }

    /** The message an action left for this page ({@link Redirects#seeOther}), or null. */
    public String flash() {
        String done = routing.request().getParam(Redirects.DONE);
        return done == null || done.isBlank() ? null : Redirects.bounded(done);
    }
}
