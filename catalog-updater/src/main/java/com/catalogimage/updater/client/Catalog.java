package com.catalogimage.updater.client;

import com.catalogimage.updater.client.CatalogRows.ImageUrlPatch;
import com.catalogimage.updater.client.CatalogRows.UpdateImageUrlParameters;
import com.catalogimage.updater.config.UpdaterConfig;
import com.catalogimage.updater.config.UpdaterConfig.CatalogMode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** The catalog's image column through DAB, in the configured mode; callers do not see which entities are used. */
@ApplicationScoped
public class Catalog {

    /** A product as the catalog holds it now; {@code imageUrl} may be null or empty. */
    public record Entry(long productId, String imageUrl) {
    }

    static final String SELECT = "Id,ImageUrl";

    private final DabClient dab;
    private final CatalogMode mode;

    public Catalog(@RestClient DabClient dab, UpdaterConfig config) {
        this.dab = dab;
        this.mode = config.mode();
    }

    public CatalogMode mode() {
        return mode;
    }

    /** The product's current row, or empty when it no longer exists. */
    public Optional<Entry> read(long productId) {
        if (mode == CatalogMode.TABLE) {
            return dab.product(productId, SELECT).value().stream().findFirst()
                    .map(row -> new Entry(row.id(), row.imageUrl()));
        }
        return dab.getProduct(productId).value().stream().findFirst()
                .map(row -> new Entry(row.productId(), row.imageUrl()));
    }

    /**
     * Sets the product's image URL and nothing else. Returns false when the product vanished since {@link #read}: table
     * mode answers 404 (update-only PATCH), the seed's procedure 400 {@code DatabaseOperationFailed}. Both can also mean
     * something else (a wrong entity path; a database error whose message DAB hides in production mode), so a read
     * confirms the row is really gone before we say so; otherwise the error stands.
     */
    public boolean writeImageUrl(long productId, String url) {
        try {
            if (mode == CatalogMode.TABLE) {
                dab.patchImageUrl(productId, new ImageUrlPatch(url));
            } else {
                dab.updateProductImageUrl(new UpdateImageUrlParameters(productId, url));
            }
            return true;
        } catch (DabException e) {
            boolean mayMeanGone = mode == CatalogMode.TABLE
                    ? e.is(404, DabException.ENTITY_NOT_FOUND)
                    : e.is(400, DabException.DATABASE_OPERATION_FAILED);
            if (mayMeanGone && read(productId).isEmpty()) {
                return false;
            }
            throw e;
        }
    }

    /** The cheapest call that proves DAB answers in the configured mode; throws otherwise. */
    public void ping() {
        if (mode == CatalogMode.TABLE) {
            dab.probeProducts(1, "Id");
        } else {
            dab.probeProcedure(0);
        }
    }
}
