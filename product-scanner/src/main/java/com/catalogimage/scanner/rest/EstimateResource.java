package com.catalogimage.scanner.rest;

import com.catalogimage.contracts.ImageModels;
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

    /**
     * The estimate, line by line: the requests ({@code requests}, each one call of {@code variants} images, so
     * {@code images} in all), {@code fromPhotos} of them made from a photo ({@code /images/edits}: restyles, and products
     * with a reference photo), priced {@code photoUnitPriceUsd} a call and the others {@code unitPriceUsd},
     * {@code imagesUsd} together; their quality checks ({@code checkUnitPriceUsd} each, one per request: the check
     * judges the first image only, at the price table's expected tokens per check, {@code checksUsd}; zero when
     * {@code qualityCheck} is off) and {@code totalUsd}. A price is null when the model's profile lacks it (the total
     * then too). Regenerations under {@code enforce} are not foreseen: they depend on the images.
     */
    public record Estimate(int requests, int variants, int images, int fromPhotos, String model, String quality,
            String size, BigDecimal unitPriceUsd, BigDecimal photoUnitPriceUsd, BigDecimal imagesUsd,
            String qualityCheck, String checkModel, BigDecimal checkUnitPriceUsd, BigDecimal checksUsd,
            BigDecimal totalUsd, ScanReport basis) {
    }

    private final ScanService scans;
    private final ScannerConfig config;
    private final PricingConfig pricing;
    private final ImageModels models;

    public EstimateResource(ScanService scans, ScannerConfig config, PricingConfig pricing, ImageModels models) {
        this.scans = scans;
        this.config = config;
        this.pricing = pricing;
        this.models = models;
    }

    /** Operators only: a dry run reads the whole catalog, which nobody may make the scanner do over and over. */
    @GET
    @RolesAllowed(ApiKeyIdentityProvider.OPERATOR)
    @SecurityRequirement(name = OperatorApi.API_KEY)
    @SecurityRequirement(name = OperatorApi.BEARER)
    @Operation(summary = "Estimate the next scan's images and cost",
            description = "A dry run of a scan: how many images it would request now and their cost at list price for "
                    + "scan.estimate.model/quality/size/variants (IMAGE_VARIANTS images a request; a restyle or a "
                    + "product with a reference photo priced as an edit with its photo), and of the quality check "
                    + "that follows each request (it judges the first image) unless "
                    + "QUALITY_CHECK is off (expected tokens per check at the chat model's price). Emits nothing.")
    @APIResponse(responseCode = "200", description = "The estimate; the prices are null when the price table lacks "
            + "the model, quality and size", content = @Content(schema = @Schema(implementation = Estimate.class)))
    @APIResponse(responseCode = "401", description = "No operator key or token")
    @APIResponse(responseCode = "503", description = "The status topic is still being read after a start: retry later",
            headers = @Header(name = "Retry-After", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(schema = @Schema(implementation = Problem.class)))
    public Estimate estimate() {
        ScanReport dryRun = scans.dryRun();
        return priced(dryRun.requested(), dryRun.fromPhotos(), config.estimate(), config.qualityCheck(),
                config.chatModel(), pricing, models, dryRun);
    }

    /** The estimate of {@code count} requests ({@code fromPhotos} of them from a photo) with their checks, at list price. */
    static Estimate priced(int count, int fromPhotos, ScannerConfig.Estimate settings, String qualityCheck,
            String chatModel, PricingConfig pricing, ImageModels models, ScanReport basis) {
        BigDecimal n = BigDecimal.valueOf(count);
        int variants = Math.max(1, settings.variants());
        int photos = Math.min(Math.max(0, fromPhotos), count);
        BigDecimal unit = models.profile(settings.model())
                .flatMap(profile -> profile.estimate(settings.quality(), settings.size(), variants, false)).orElse(null);
        BigDecimal photoUnit = models.profile(settings.model())
                .flatMap(profile -> profile.estimate(settings.quality(), settings.size(), variants, true)).orElse(null);
        BigDecimal plain = count - photos == 0 ? BigDecimal.ZERO
                : unit == null ? null : unit.multiply(BigDecimal.valueOf(count - photos));
        BigDecimal edits = photos == 0 ? BigDecimal.ZERO
                : photoUnit == null ? null : photoUnit.multiply(BigDecimal.valueOf(photos));
        BigDecimal images = plain == null || edits == null ? null : plain.add(edits);
        String mode = qualityCheck.strip().toLowerCase(java.util.Locale.ROOT);
        boolean checked = !"off".equals(mode);
        BigDecimal check = !checked ? BigDecimal.ZERO : pricing.chatCost(chatModel,
                pricing.qualityCheckInputTokens(), pricing.qualityCheckOutputTokens()).orElse(null);
        BigDecimal checks = check == null ? null : check.multiply(n);
        return new Estimate(count, variants, count * variants, photos, settings.model(), settings.quality(),
                settings.size(), unit, photoUnit, images, mode,
                checked ? chatModel : null, check, checks, images == null || checks == null ? null : images.add(checks),
                basis);
    }
}
