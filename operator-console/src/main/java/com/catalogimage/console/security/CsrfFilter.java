package com.catalogimage.console.security;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * CSRF protection of every state-changing request (double-submit cookie). Quarkus's own filter, quarkus-rest-csrf, does
 * the same, but version 3.34.1 is not served by this project's Maven mirror ({@code dependency:get} fails;
 * docs/decisions/0019), so this is ours, kept to what the console needs:
 *
 * <ul>
 * <li>Any request without the cookie gets one: a random token in {@code csrf-token} (HttpOnly, SameSite=Strict,
 * Path=/, Secure over HTTPS). Pages put the same value in every form ({@code <input type="hidden" name="csrf-token">})
 * and in {@code <meta name="csrf-token">} for {@code fetch} (header {@code X-CSRF-Token}).</li>
 * <li>POST, PUT, DELETE and PATCH must carry a value equal to the cookie's, in the form field or the header: else 403.
 * Another site can make a browser send the cookie (not with SameSite=Strict, but older browsers), never read it.</li>
 * <li>Machine clients of {@code POST /generations} are exempt: a request there that carries an {@code Authorization}
 * header (HTTP Basic, an OIDC bearer token), or nothing, and no session cookie (form login's or OIDC's) authenticates with what it
 * sent. A browser sends Basic credentials by itself only after a Basic challenge, which that path never gives a page's
 * fetch, and it takes JSON only, which a cross-site form cannot send. A browser session (its cookie) still needs the
 * token there.</li>
 * </ul>
 *
 * The form is read before this filter ({@code @WithFormRead}), so resources still get their {@code @RestForm} fields.
 * The login form ({@code /j_security_check}) is handled by Quarkus before any JAX-RS filter and is not checked here; its
 * cookie is SameSite=Strict and it changes nothing but who is logged in.
 */
public class CsrfFilter {

    private static final Logger LOG = Logger.getLogger(CsrfFilter.class);
    private static final Set<String> UNSAFE = Set.of("POST", "PUT", "DELETE", "PATCH");
    /** Where a token issued with this response is kept for templates of the same request. */
    private static final String ISSUED = CsrfFilter.class.getName() + ".issued";
    /** The machine clients' API: no cookie, credentials in the Authorization header. */
    private static final Set<String> MACHINE_PATHS = Set.of("/generations");
    /** Form login's session cookie (Quarkus's default name) and OIDC's code-flow session cookie. */
    private static final Set<String> SESSION_COOKIES = Set.of("quarkus-credential", "q_session");

    @ServerRequestFilter
    @WithFormRead
    public Response check(ResteasyReactiveContainerRequestContext request, RoutingContext routing) {
        Cookie cookie = routing.request().getCookie(CsrfTokens.NAME);
        String held = cookie == null ? null : cookie.getValue();
        if (!UNSAFE.contains(request.getMethod())) {
            if (!CsrfTokens.wellFormed(held)) {
                issue(routing);
            }
            return null;
        }
        if (machineClient(routing)) {
            return null;
        }
        String submitted = request.getHeaderString(CsrfTokens.HEADER);
        if (submitted == null) {
            Object field = ((ResteasyReactiveRequestContext) request.getServerRequestContext())
                    .getFormParameter(CsrfTokens.NAME, true, false);
            submitted = field == null ? null : field.toString();
        }
        if (CsrfTokens.matches(held, submitted)) {
            return null;
        }
        LOG.debugf("Refused %s %s: %s", request.getMethod(), routing.request().path(),
                held == null ? "no CSRF cookie" : submitted == null ? "no CSRF token" : "CSRF token does not match");
        return Response.status(Response.Status.FORBIDDEN).type("text/plain")
                .entity("Forbidden: missing or wrong CSRF token. Reload the page and try again.").build();
    }

    /** A call to the machine API without a browser session: its credentials, if any, are its own. */
    static boolean machineClient(RoutingContext routing) {
        // Without a session cookie there is no session to ride on: a machine client's own credentials, or none at all
        // (the resource answers 401 then, not this filter's 403).
        return MACHINE_PATHS.contains(routing.request().path()) && routing.request().cookies().stream().noneMatch(cookie -> SESSION_COOKIES.contains(cookie.getName())
                        || cookie.getName().startsWith("q_session_"));
    }

    /** The token of this request: the cookie's, or the one issued with this response. */
    static String token(RoutingContext routing) {
        String issued = routing.get(ISSUED);
        if (issued != null) {
            return issued;
        }
        Cookie cookie = routing.request().getCookie(CsrfTokens.NAME);
        if (cookie != null && CsrfTokens.wellFormed(cookie.getValue())) {
            return cookie.getValue();
        }
        return issue(routing);
    }

    private static String issue(RoutingContext routing) {
        String token = CsrfTokens.generate();
        routing.put(ISSUED, token);
        routing.response().addCookie(Cookie.cookie(CsrfTokens.NAME, token).setPath("/").setHttpOnly(true)
                .setSameSite(CookieSameSite.STRICT).setSecure(routing.request().isSSL()));
        return token;
    }
}
