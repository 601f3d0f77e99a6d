package com.catalogimage.scanner.rest;

import com.catalogimage.contracts.PricingConfig;
import com.catalogimage.scanner.config.ScannerConfig;
import com.catalogimage.scanner.security.ApiKeyIdentityProvider;
import com.catalogimage.scanner.service.ScanReport;
import com.catalogimage.scanner.service.ScanService;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What a run would generate now, and what it would cost at list price. */
@Path("/estimate")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
@Tag(name = OperatorApi.SCANS)
public class EstimateResource {

    /** The estimate; {@code unitPriceUsd} and {@code totalUsd} are null when the price table lacks the combination. */
    public record Estimate(int images, String model, String quality, String size, BigDecimal unitPriceUsd,
            BigDecimal totalUsd, ScanReport basis) {
    }

    private final ScanService scans;
    private final ScannerConfig config;
    private final PricingConfig pricing;

    public EstimateResource(ScanService scans, ScannerConfig config, PricingConfig pricing) {
        this.scans = scans;
        this.config = config;
        this.pricing = pricing;
    }

    /** Operators only: a dry run reads the whole catalog, which nobody may make the scanner do over and over. */
    @GET
    @RolesAllowed(ApiKeyIdentityProvider.OPERATOR)
    @SecurityRequirement(name = OperatorApi.API_KEY)
    @SecurityRequirement(name = OperatorApi.BEARER)
    @Operation(summary = "Estimate the next scan's images and cost",
            description = "A dry run of a scan: how many images it would request now and their cost at list price for "
                    + "scan.estimate.model/quality/size. Emits nothing.")
    @APIResponse(responseCode = "200", description = "The estimate; the prices are null when the price table lacks "
            + "the model, quality and size", content = @Content(schema = @Schema(implementation = Estimate.class)))
    @APIResponse(responseCode = "401", description = "No operator key or token")
    @APIResponse(responseCode = "503", description = "The status topic is still being read after a start: retry later",
            headers = @Header(name = "Retry-After", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(schema = @Schema(implementation = Problem.class)))
    public Estimate estimate() {
        ScanReport dryRun = scans.dryRun();
        ScannerConfig.Estimate settings = config.estimate();
        BigDecimal unit = pricing.price(settings.model(), settings.quality(), settings.size()).orElse(null);
        return new Estimate(dryRun.requested(), settings.model(), settings.quality(), settings.size(), unit,
                unit == null ? null : unit.multiply(BigDecimal.valueOf(dryRun.requested())), dryRun);
    }
}
