package com.catalogimage.scanner.rest;

import com.catalogimage.scanner.security.ApiKeyAuthenticationMechanism;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The two ways an operator authenticates, as OpenAPI security schemes. Operations that need an operator name both
 * ({@link #API_KEY} or {@link #BEARER}: either one is enough), so Swagger UI can send whichever the caller has.
 *
 * <p>An {@link Application} because SmallRye OpenAPI reads application-wide annotations there; without
 * {@code @ApplicationPath} and without overriding its methods it changes nothing in how the resources are served.
 */
@SecurityScheme(securitySchemeName = OperatorApi.API_KEY, type = SecuritySchemeType.APIKEY,
        in = SecuritySchemeIn.HEADER, apiKeyName = ApiKeyAuthenticationMechanism.HEADER,
        description = "The operators' key (SCAN_API_KEY).")
@SecurityScheme(securitySchemeName = OperatorApi.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "JWT",
        description = "An OIDC access token (only with OIDC_ENABLED=true) whose roles or groups hold one of "
                + "OIDC_OPERATOR_ROLES; a valid token without one gets 403.")
public class OperatorApi extends Application {

    public static final String API_KEY = "apiKey";
    public static final String BEARER = "bearer";

    /** Tags grouping the operations in Swagger UI. */
    public static final String SCANS = "Scans";
    public static final String DEAD_LETTERS = "Dead letters";
    public static final String PRODUCTS = "Products";
}
