package com.catalogimage.console.support;

import com.catalogimage.console.security.ConsoleRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Tests only: an operator action shaped like the review and replay actions (form fields, repeated ids), to show the
 * CSRF filter reads the form without taking it from the resource.
 */
@Path("/test-only/echo")
public class EchoFormResource {

    @POST
    @RolesAllowed(ConsoleRoles.OPERATOR)
    @Produces(MediaType.TEXT_PLAIN)
    public String echo(@RestForm String note, @RestForm List<String> ids) {
        return note + "|" + String.join(",", ids);
    }
}
