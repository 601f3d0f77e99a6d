package com.catalogimage.console.rest;

import com.catalogimage.console.security.ConsoleRoles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The overview: coverage, progress, stages, cost and quota. */
@Path("/")
@RolesAllowed(ConsoleRoles.VIEWER)
public class OverviewResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance overview();
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance overview() {
        return Templates.overview();
    }
}
