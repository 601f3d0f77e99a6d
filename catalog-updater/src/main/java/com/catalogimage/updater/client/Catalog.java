package com.catalogimage.updater.client;

import com.catalogimage.updater.client.CatalogRows.ConditionalWriteRow;
import com.catalogimage.updater.client.CatalogRows.ImageUrlPatch;
import com.catalogimage.updater.client.CatalogRows.UpdateImageUrlParameters;
import com.catalogimage.updater.config.UpdaterConfig;
import com.catalogimage.updater.config.UpdaterConfig.CatalogMode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
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
    private final AltTextColumn altText;
    private final Counter altTextWritten;
    private final Counter altTextLeftOut;

    public Catalog(@RestClient DabClient dab, UpdaterConfig config, MeterRegistry registry) {
        this.dab = dab;
        this.mode = config.mode();
        this.altText = AltTextColumn.of(config.altTextColumn());
        this.altTextWritten = altTextCounter(registry, "written");
        this.altTextLeftOut = altTextCounter(registry, "column-missing");
        altText.name().ifPresent(column -> LOG.infof("Alt text goes to the catalog's %s", mode == CatalogMode.TABLE
                ? "column " + column : "procedure parameter @" + AltTextColumn.PROCEDURE_PARAMETER));
    }

    private static Counter altTextCounter(MeterRegistry registry, String outcome) {
        return Counter.builder("updater.alt-text").description("Image writes that carried alt text, by outcome")
                .tag("outcome", outcome).register(registry);
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
        return writeImageUrl(productId, url, null);
    }

    /**
     * {@link #writeImageUrl(long, String)} with the image's alt text, in the same request and so under the same
     * condition, when {@code CATALOG_ALT_TEXT_COLUMN} is set ({@link AltTextColumn}; cleaned again here). When DAB
     * refuses the write in a way the column may cause ({@link AltTextColumn#mayBeTheColumn}: DAB validates a request
     * before it touches the database, so nothing was written), it is made once more without the alt text: a catalog
     * without the column gets its URL, and a WARN says why the alt text is missing. If that write fails too, its error
     * stands and is handled as any other.
     */
    public CatalogWrite writeImageUrl(long productId, String url, String imageAltText) {
        return writeImageUrl(productId, url, imageAltText, null);
    }

    /**
     * {@link #writeImageUrl(long, String, String)} for a restyle (decision 0031) when {@code expected} is set: the image
     * replaces {@code expected} only. Stored-procedure mode passes it as deploy/sql's {@code @ExpectedImageUrl}, which
     * makes the procedure's condition "the product still holds this URL" instead of "the product has no image", in the
     * same statement ({@link CatalogWrite.NotWritten} when someone changed it). Table mode's PATCH cannot carry a
     * condition: the caller's read just before is the check, with the window of one round trip the non-restyle write
     * has too.
     */
    public CatalogWrite writeImageUrl(long productId, String url, String imageAltText, String expected) {
        String alt = altText.toSend(imageAltText);
        if (alt == null) {
            return write(productId, url, null, expected);
        }
        CatalogWrite written;
        try {
            written = write(productId, url, alt, expected);
        } catch (DabException refused) {
            if (!AltTextColumn.mayBeTheColumn(refused)) {
                throw refused;
            }
            CatalogWrite without = write(productId, url, null, expected);
            altTextLeftOut.increment();
            if (altText.foundMissing()) {
                LOG.warnf("Data API Builder refused the alt text (%s %s: %s) and took the same write without it: the"
                        + " catalog has no writable %s. Image URLs are written without alt text; apply"
                        + " deploy/sql/005-image-alt-text.sql and 002-procedures.sql, let DAB's role update the column,"
                        + " restart DAB, or set CATALOG_ALT_TEXT_COLUMN empty. Tried again in %d minutes.",
                        refused.status(), refused.code(), refused.dabMessage(), mode == CatalogMode.TABLE
                                ? "column " + altText.name().orElseThrow()
                                : "@" + AltTextColumn.PROCEDURE_PARAMETER + " parameter of UpdateProductImageUrl",
                        AltTextColumn.RECHECK.toMinutes());
            }
            return without;
        }
        altText.foundPresent();
        if (written instanceof CatalogWrite.Written) {
            altTextWritten.increment();
        }
        return written;
    }

    private CatalogWrite write(long productId, String url, String alt, String expected) {
        try {
            if (mode == CatalogMode.TABLE) {
                dab.patchImageUrl(productId, new ImageUrlPatch(url,
                        alt == null ? Map.of() : Map.of(altText.name().orElseThrow(), alt)));
                return new CatalogWrite.Written();
            }
            return ofProcedure(dab.updateProductImageUrl(new UpdateImageUrlParameters(productId, url, alt, expected)).value());
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
