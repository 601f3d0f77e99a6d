package com.catalogimage.scanner.client;

import com.catalogimage.contracts.Product;
import com.catalogimage.scanner.client.QueryRows.CategoryRow;
import com.catalogimage.scanner.client.QueryRows.ProcedureProductRow;
import com.catalogimage.scanner.client.QueryRows.ProductRow;
import com.catalogimage.scanner.config.ScannerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Reads the catalog through DAB in the configured mode. */
@ApplicationScoped
public class CatalogReader {

    /** A catalog product and whether it already has an image. */
    public record CatalogEntry(Product product, boolean hasImage) {
    }

    static final String MISSING_IMAGE = "ImageUrl eq null or ImageUrl eq ''";
    static final String PRODUCT_FIELDS = "Id,ProductName,Description,CategoryID,Tags,ImageUrl";

    private final DabQueryClient dab;
    private final ScannerConfig config;

    public CatalogReader(@RestClient DabQueryClient dab, ScannerConfig config) {
        this.dab = dab;
        this.config = config;
    }

    /** Table mode: only products without an image; stored-procedure mode: every product. */
    public List<CatalogEntry> read() {
        return config.mode() == ScannerConfig.CatalogMode.TABLE ? readTables() : readProcedure();
    }

    /**
     * Every row of the catalog, with an image or without. Stored-procedure mode has just read them all
     * ({@code read} = its size); table mode reads only the rows without an image, so it counts the ids alone, pages of
     * DAB's largest size ({@code $first=-1}). Empty when the count cannot be read: the scan does not fail for it.
     */
    public Integer total(int read) {
        if (config.mode() != ScannerConfig.CatalogMode.TABLE) {
            return read;
        }
        try {
            int total = 0;
            String after = null;
            do {
                DabPage<ProductRow> page = dab.products(null, "Id", -1, after);
                total += page.value().size();
                after = page.nextCursor();
            } while (after != null);
            return total;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** One product, with or without an image; empty when the catalog has none with that id. */
    public Optional<CatalogEntry> find(long productId) {
        if (config.mode() == ScannerConfig.CatalogMode.TABLE) {
            return dab.products("Id eq " + productId, PRODUCT_FIELDS, 1, null).value().stream().findFirst()
                    .map(row -> new CatalogEntry(new Product(row.id(), row.productName(), row.description(),
                            row.categoryId(), row.categoryId() == null ? null : categories().get(row.categoryId()),
                            row.tags()), hasImage(row.imageUrl())));
        }
        return dab.getProducts(productId).value().stream().filter(row -> row.productId() == productId).findFirst()
                .map(row -> new CatalogEntry(new Product(row.productId(), row.productName(), row.description(),
                        row.categoryId(), row.categoryName(), row.tags()), hasImage(row.imageUrl())));
    }

    /** The cheapest call that proves DAB answers in the configured mode. */
    public void ping() {
        if (config.mode() == ScannerConfig.CatalogMode.TABLE) {
            dab.products(null, "Id", 1, null);
        } else {
            dab.getProducts(0); // no product has id 0
        }
    }

    private Map<Integer, String> categories() {
        Map<Integer, String> categories = new HashMap<>();
        String after = null;
        do {
            DabPage<CategoryRow> page = dab.categories(config.pageSize(), after);
            page.value().forEach(row -> categories.put(row.categoryId(), row.categoryName()));
            after = page.nextCursor();
        } while (after != null);
        return categories;
    }

    private List<CatalogEntry> readTables() {
        Map<Integer, String> categories = categories();
        List<CatalogEntry> entries = new ArrayList<>();
        String after = null;
        do {
            DabPage<ProductRow> page = dab.products(MISSING_IMAGE, PRODUCT_FIELDS, config.pageSize(), after);
            for (ProductRow row : page.value()) {
                Product product = new Product(row.id(), row.productName(), row.description(), row.categoryId(),
                        row.categoryId() == null ? null : categories.get(row.categoryId()), row.tags());
                entries.add(new CatalogEntry(product, hasImage(row.imageUrl())));
            }
            after = page.nextCursor();
        } while (after != null);
        return entries;
    }

    private List<CatalogEntry> readProcedure() {
        List<CatalogEntry> entries = new ArrayList<>();
        for (ProcedureProductRow row : dab.getProducts(-1).value()) {
            Product product = new Product(row.productId(), row.productName(), row.description(), row.categoryId(),
                    row.categoryName(), row.tags());
            entries.add(new CatalogEntry(product, hasImage(row.imageUrl())));
        }
        return entries;
    }

    private static boolean hasImage(String imageUrl) {
        return imageUrl != null && !imageUrl.isBlank();
    }
}
