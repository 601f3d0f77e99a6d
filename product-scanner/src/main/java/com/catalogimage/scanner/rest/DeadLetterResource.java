package com.catalogimage.scanner.rest;

import com.catalogimage.scanner.config.DeadLetterConfig;
import com.catalogimage.scanner.security.ApiKeyIdentityProvider;
import com.catalogimage.scanner.messaging.DeadLetter;
import com.catalogimage.scanner.service.DeadLetterFilter;
import com.catalogimage.scanner.service.DeadLetterService;
import com.catalogimage.scanner.service.ReplayService;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Lists and replays dead letters. Operators only, reading included: dead letters hold product text and error details.
 */
@Path("/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(ApiKeyIdentityProvider.OPERATOR)
@Blocking
@Tag(name = OperatorApi.DEAD_LETTERS)
@SecurityRequirement(name = OperatorApi.API_KEY)
@SecurityRequirement(name = OperatorApi.BEARER)
@APIResponse(responseCode = "400", description = "A malformed query or body",
        content = @Content(schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401", description = "No credentials, a wrong key or an invalid token")
@APIResponse(responseCode = "403", description = "A valid token without an operators' role")
@APIResponse(responseCode = "503", description = "The dead-letter topic could not be read within "
        + "dead-letters.read-timeout: retry later",
        headers = @Header(name = "Retry-After", schema = @Schema(type = SchemaType.INTEGER)),
        content = @Content(schema = @Schema(implementation = Problem.class)))
public class DeadLetterResource {

    /** A listing: how many matched, and the newest {@code limit} of them. */
    public record Listing(int total, int returned, List<DeadLetter> deadLetters) {
    }

    /** The body of a replay: {@code ids}, or a {@code filter} with at least one criterion. */
    public record ReplayBody(List<String> ids, FilterBody filter, Map<String, String> promptOverrides,
            String templateOverride, boolean force) {
    }

    /** A filter as JSON; the instants in ISO-8601. */
    public record FilterBody(String reason, String stage, Long productId, String since, String until) {
    }

    /** The outcome per dead letter, and counts. */
    public record ReplayReport(int replayed, int alreadyReplayed, int refused, int failed, List<ReplayService.Result> results) {
    }

    private final DeadLetterService deadLetters;
    private final ReplayService replays;
    private final DeadLetterConfig config;

    public DeadLetterResource(DeadLetterService deadLetters, ReplayService replays, DeadLetterConfig config) {
        this.deadLetters = deadLetters;
        this.replays = replays;
        this.config = config;
    }

    @GET
    @Operation(summary = "List dead letters",
            description = "Dead letters matching every given criterion, newest first, read from the topic at this "
                    + "call. Image bytes are never returned.")
    @APIResponse(responseCode = "200", description = "How many matched, and the newest limit of them",
            content = @Content(schema = @Schema(implementation = Listing.class)))
    public Listing list(
            @Parameter(description = "Reason code, e.g. CONTENT_POLICY, RETRIES_EXHAUSTED, POISON")
            @QueryParam("reason") String reason,
            @Parameter(description = "Stage that dead-lettered it, e.g. image-generator")
            @QueryParam("stage") String stage,
            @Parameter(description = "Product id") @QueryParam("productId") Long productId,
            @Parameter(description = "Oldest timestamp, ISO-8601 instant") @QueryParam("since") String since,
            @Parameter(description = "Newest timestamp, ISO-8601 instant") @QueryParam("until") String until,
            @Parameter(description = "How many, 1 to dead-letters.max-limit; default dead-letters.default-limit")
            @QueryParam("limit") Integer limit) {
        int max = limit == null ? config.defaultLimit() : limit;
        if (max < 1 || max > config.maxLimit()) {
            throw new BadRequestException("limit must be between 1 and " + config.maxLimit());
        }
        List<DeadLetter> found = deadLetters.find(filter(new FilterBody(reason, stage, productId, since, until)));
        List<DeadLetter> page = found.stream().limit(max).toList();
        return new Listing(found.size(), page.size(), page);
    }

    @POST
    @Path("/replay")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replay dead letters as new requests",
            description = "For each selected dead letter (by ids, or by a filter with at least one criterion), writes a "
                    + "new image request (origin REPLAY, attempt + 1, request id replay-<id>) with the given prompt or "
                    + "template override. Replaying the same dead letter twice yields one request; a CONTENT_POLICY "
                    + "dead letter needs an override or force.")
    @APIResponse(responseCode = "200", description = "The outcome per dead letter (REPLAYED, ALREADY_REPLAYED, "
            + "REFUSED with a reason, FAILED) and their counts",
            content = @Content(schema = @Schema(implementation = ReplayReport.class)))
    public ReplayReport replay(@RequestBody(required = true, description = "ids or filter, and the overrides")
            ReplayBody body) {
        if (body == null) {
            throw new BadRequestException("a JSON body with \"ids\" or \"filter\" is required");
        }
        boolean byIds = body.ids() != null && !body.ids().isEmpty();
        DeadLetterFilter filter = body.filter() == null ? DeadLetterFilter.ALL : filter(body.filter());
        if (byIds == !filter.isEmpty()) {
            throw new BadRequestException("give either \"ids\" or a \"filter\" with at least one criterion");
        }
        List<ReplayService.Result> results = replays.replay(new ReplayService.Command(body.ids(), filter,
                body.promptOverrides(), body.templateOverride(), body.force()));
        return new ReplayReport(count(results, ReplayService.Outcome.REPLAYED),
                count(results, ReplayService.Outcome.ALREADY_REPLAYED), count(results, ReplayService.Outcome.REFUSED),
                count(results, ReplayService.Outcome.FAILED), results);
    }

    private static DeadLetterFilter filter(FilterBody body) {
        return new DeadLetterFilter(blankToNull(body.reason()), blankToNull(body.stage()), body.productId(),
                instant("since", body.since()), instant("until", body.until()));
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new BadRequestException(name + " must be an ISO-8601 instant such as 2026-11-23T10:15:30Z");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static int count(List<ReplayService.Result> results, ReplayService.Outcome outcome) {
        return (int) results.stream().filter(result -> result.outcome() == outcome).count();
    }
}
