package com.catalogimage.console.rest;

import com.catalogimage.console.client.RequestAgain;
import com.catalogimage.console.client.ScannerAnswers;
import com.catalogimage.console.client.ScannerClient;
import com.catalogimage.console.security.ConsoleRoles;
import com.catalogimage.contracts.OperatorText;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

/**
 * The product page's "request again" (a product stuck, awaiting review or rejected by a reviewer), optionally with a
 * prompt: the scanner decides whether it is allowed and writes the request; the page says what it answered.
 */
@Path("/products/{id}/request-again")
@RolesAllowed(ConsoleRoles.OPERATOR)
public class ProductActions {

    private static final Logger LOG = Logger.getLogger(ProductActions.class);

    private final ScannerClient scanner;

    public ProductActions(@RestClient ScannerClient scanner) {
        this.scanner = scanner;
    }

    @POST
    public Response requestAgain(@RestPath long id, @RestForm String prompt) {
        String page = "/products/" + id;
        String clean = OperatorText.prompt(prompt);
        try {
            RequestAgain.Requested requested = scanner.requestAgain(id, new RequestAgain.Body(clean, null));
            return Redirects.seeOther(page, "Requested product " + id + " again: request " + requested.requestId()
                    + ", attempt " + requested.attempt() + (clean == null ? "" : ", with the prompt given"));
        } catch (RuntimeException e) {
            String why = ScannerAnswers.message(e);
            LOG.infof("Request again of product %d not done: %s", id, why);
            return Redirects.seeOther(page, "Not requested again: " + why);
        }
    }
}
