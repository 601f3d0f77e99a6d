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
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

/**
 * The product page's "Restyle" (decision 0032): a new image made from the product's current one, through the scanner's
 * on-demand generation ({@code POST /products/{id}/generations} with {@code mode=restyle}), which decides whether it
 * is allowed (an image in the catalog, nothing in flight) and writes the request. It always waits for a reviewer, and
 * the catalog keeps the original until one approves. The form carries a key made when the page was rendered, so a
 * second press of the same form makes no second restyle.
 */
@Path("/products/{id}/restyle")
@RolesAllowed(ConsoleRoles.OPERATOR)
public class RestyleAction {

    private static final Logger LOG = Logger.getLogger(RestyleAction.class);
    /** A key as the page makes it (a UUID); anything else is replaced by a fresh one. */
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9-]{1,64}");

    private final ScannerClient scanner;

    public RestyleAction(@RestClient ScannerClient scanner) {
        this.scanner = scanner;
    }

    @POST
    public Response restyle(@RestPath long id, @RestForm String key, @RestForm String prompt) {
        String page = "/products/" + id;
        String clean = OperatorText.prompt(prompt);
        String idempotencyKey = "restyle-" + (key != null && KEY.matcher(key).matches() ? key : UUID.randomUUID());
        try {
            RequestAgain.Requested requested = scanner.generate(id, idempotencyKey, RequestAgain.Body.restyle(clean));
            return Redirects.seeOther(page, "Restyling product " + id + ": request " + requested.requestId()
                    + ", attempt " + requested.attempt() + "; the current image stays in the catalog until a reviewer "
                    + "approves the new one");
        } catch (RuntimeException e) {
            String why = ScannerAnswers.message(e);
            LOG.infof("Restyle of product %d not done: %s", id, why);
            return Redirects.seeOther(page, "Not restyled: " + why);
        }
    }
}
