package com.catalogimage.updater.client;

import com.catalogimage.updater.client.CatalogRows.ConditionalWriteRow;
import com.catalogimage.updater.client.CatalogRows.ImageUrlPatch;
import com.catalogimage.updater.client.CatalogRows.UpdateImageUrlParameters;
import com.catalogimage.updater.config.UpdaterConfig;
import com.catalogimage.updater.config.UpdaterConfig.CatalogMode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/** The catalog's image column through DAB, in the configured mode; callers do not see which entities are used. */
@ApplicationScoped
public class Catalog {

    /** A product as the catalog holds it now; {@code imageUrl} may be null or empty. */
    public record Entry(long productId, String imageUrl) {
    }

    static final String SELECT = "Id,ImageUrl";

    private static final Logger LOG = Logger.getLogger(Catalog.class);
    private final AtomicBoolean warnedUnconditional = new AtomicBoolean();

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
     * Sets the product's image URL and nothing else. Table mode's PATCH writes whatever the row holds (DAB has no
     * conditional update on a column); stored-procedure mode's procedure writes only a product without an image and
     * says so ({@link CatalogWrite.NotWritten}), which closes the race between our read and our write.
     *
     * <p>{@link CatalogWrite.Gone} when the product vanished since {@link #read}: table mode answers 404 (update-only
     * PATCH), the procedure 400 {@code DatabaseOperationFailed}. Both can also mean something else (a wrong entity path;
     * a database error whose message DAB hides in production mode), so a read confirms the row is really gone before
     * we say so; otherwise the error stands.
     */
    public CatalogWrite writeImageUrl(long productId, String url) {
        try {
            if (mode == CatalogMode.TABLE) {
                dab.patchImageUrl(productId, new ImageUrlPatch(url));
                return new CatalogWrite.Written();
            }
            return ofProcedure(dab.updateProductImageUrl(new UpdateImageUrlParameters(productId, url)).value());
        } catch (DabException e) {
            boolean mayMeanGone = mode == CatalogMode.TABLE
                    ? e.is(404, DabException.ENTITY_NOT_FOUND)
                    : e.is(400, DabException.DATABASE_OPERATION_FAILED);
            if (mayMeanGone && read(productId).isEmpty()) {
                return new CatalogWrite.Gone();
            }
            throw e;
        }
    }

    private CatalogWrite ofProcedure(List<ConditionalWriteRow> rows) {
        ConditionalWriteRow row = rows == null || rows.isEmpty() ? null : rows.get(0);
        if (row == null || row.rowsAffected() == null) {
            // The seed's unconditional procedure: it wrote, and the race stays open until deploy/sql is applied.
            if (warnedUnconditional.compareAndSet(false, true)) {
                LOG.warn("UpdateProductImageUrl answered without RowsAffected: the catalog still has the seed's "
                        + "unconditional procedure, which can overwrite an image set between our read and our write. "
                        + "Apply deploy/sql/002-procedures.sql.");
            }
            return new CatalogWrite.Written();
        }
        return row.rowsAffected() > 0 ? new CatalogWrite.Written() : new CatalogWrite.NotWritten(row.imageUrl());
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
