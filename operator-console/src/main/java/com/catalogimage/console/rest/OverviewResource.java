package com.catalogimage.console.rest;

import com.catalogimage.console.security.ConsoleRoles;
import com.catalogimage.console.service.OverviewService;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** The overview: coverage, progress and ETA, stages, cost and quota; live through server-sent events. */
@Path("/")
@RolesAllowed(ConsoleRoles.VIEWER)
public class OverviewResource {

    /** How often the stream looks for a change. */
    static final Duration LOOK = Duration.ofMillis(500);
    /** The longest the stream stays silent: an event at least this often, changed or not. */
    static final Duration EVERY = Duration.ofSeconds(2);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance overview(OverviewService.Overview overview);
    }

    private final OverviewService overview;
    private final ObjectMapper json;

    public OverviewResource(OverviewService overview, ObjectMapper json) {
        this.overview = overview;
        this.json = json;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page() {
        return Templates.overview(overview.current());
    }

    /**
     * One {@code overview} event (the page's figures as JSON) at once, then whenever they change (looked at every
     * {@link #LOOK}) and at least every {@link #EVERY}. The figures are shared by every subscriber.
     */
    @GET
    @Path("overview/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> stream(@Context Sse sse) {
        AtomicReference<OverviewService.Overview> last = new AtomicReference<>();
        AtomicLong lastSent = new AtomicLong();
        // The first event at once (ticks start one period late), then a look every LOOK.
        return Multi.createBy().concatenating().streams(Multi.createFrom().item(0L),
                        Multi.createFrom().ticks().every(LOOK).onOverflow().drop())
                .map(tick -> overview.current())
                .filter(figures -> {
                    long now = System.nanoTime();
                    boolean due = !Objects.equals(figures, last.get()) || now - lastSent.get() >= EVERY.toNanos();
                    if (due) {
                        last.set(figures);
                        lastSent.set(now);
                    }
                    return due;
                })
                .map(figures -> sse.newEventBuilder().name("overview").mediaType(MediaType.APPLICATION_JSON_TYPE)
                        .data(String.class, toJson(figures)).build());
    }

    private String toJson(OverviewService.Overview figures) {
        try {
            return json.writeValueAsString(figures);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The overview's figures cannot be written as JSON", e);
        }
    }
}
