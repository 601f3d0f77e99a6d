package com.catalogimage.scanner.rest;

import com.catalogimage.contracts.PricingConfig;
import com.catalogimage.scanner.config.ScannerConfig;
import com.catalogimage.scanner.service.ScanReport;
import com.catalogimage.scanner.service.ScanService;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;

/** What a run would generate now, and what it would cost at list price. */
@Path("/estimate")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
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

    @GET
    public Estimate estimate() {
        ScanReport dryRun = scans.dryRun();
        ScannerConfig.Estimate settings = config.estimate();
        BigDecimal unit = pricing.price(settings.model(), settings.quality(), settings.size()).orElse(null);
        return new Estimate(dryRun.requested(), settings.model(), settings.quality(), settings.size(), unit,
                unit == null ? null : unit.multiply(BigDecimal.valueOf(dryRun.requested())), dryRun);
    }
}
