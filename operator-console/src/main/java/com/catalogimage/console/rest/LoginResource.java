package com.catalogimage.console.rest;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.vertx.http.runtime.security.FormAuthenticationMechanism;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

/**
 * The local login page (form authentication posts to Quarkus's {@code /j_security_check}) and logout. With OIDC the
 * identity provider shows its own login page and this one is never linked.
 */
@Path("/")
public class LoginResource {

    /** Quarkus OIDC's session cookie (code flow). */
    private static final String OIDC_SESSION_COOKIE = "q_session";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(boolean error);
    }

    @GET
    @Path("login")
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance login(@QueryParam("error") String error) {
        return Templates.login(error != null);
    }

    /**
     * Ends the session: the form login's cookie (and the OIDC session cookie, if any) is removed. A POST with the CSRF
     * token like every change, so another site cannot log an operator out.
     */
    @POST
    @Path("logout")
    @PermitAll
    public Response logout(RoutingContext routing) {
        FormAuthenticationMechanism.logout(routing);
        return Response.seeOther(java.net.URI.create("/login"))
                .cookie(new NewCookie.Builder(OIDC_SESSION_COOKIE).path("/").maxAge(0).value("").httpOnly(true).build())
                .build();
    }
}
