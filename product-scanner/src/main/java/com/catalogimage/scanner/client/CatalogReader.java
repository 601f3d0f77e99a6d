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
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/** Reads the catalog through DAB in the configured mode. */
@ApplicationScoped
public class CatalogReader {

    /**
     * A catalog product and whether it already has an image. The product carries its current {@code ImageUrl} (null
     * without one) and its reference photo from the configured column ({@link SourceImageColumn}), if any.
     */
    public record CatalogEntry(Product product, boolean hasImage) {
    }

    private static final Logger LOG = Logger.getLogger(CatalogReader.class);

    static final String MISSING_IMAGE = "ImageUrl eq null or ImageUrl eq ''";
    static final List<String> PRODUCT_FIELDS_LIST = List.of("Id", "ProductName", "Description", "CategoryID", "Tags",
            "ImageUrl");
    static final String PRODUCT_FIELDS = String.join(",", PRODUCT_FIELDS_LIST);

    private final DabQueryClient dab;
    private final ScannerConfig config;
    private final SourceImageColumn source;

    public CatalogReader(@RestClient DabQueryClient dab, ScannerConfig config) {
        this.dab = dab;
        this.config = config;
        this.source = SourceImageColumn.of(config.sourceImageColumn());
        source.name().ifPresent(column -> LOG.infof("Reference photos are read from the catalog's %s", column));
    }

    /** Table mode: only products without an image; stored-procedure mode: every product. */
    public List<CatalogEntry> read() {
        return read(List.of());
    }

    /**
     * {@link #read()}, and in table mode also the products whose image starts with one of {@code restylePrefixes}
     * (stored-procedure mode reads them anyway). DAB's filter has no {@code startswith}, so each prefix is read as the
     * range of strings that begin with it ({@code ge} the prefix, {@code lt} the prefix with its last character
     * raised), and the rows are then checked here exactly: a database collation that orders otherwise can only leave a
     * product out of restyles, never restyle one whose image does not start with a prefix.
     */
    public List<CatalogEntry> read(List<String> restylePrefixes) {
        if (config.mode() != ScannerConfig.CatalogMode.TABLE) {
            return readProcedure();
        }
        Map<Integer, String> categories = categories();
        List<CatalogEntry> entries = readTables(MISSING_IMAGE, categories);
        if (!restylePrefixes.isEmpty()) {
            readTables(prefixFilter(restylePrefixes), categories).stream()
                    .filter(entry -> entry.hasImage() && restylePrefixes.stream()
                            .anyMatch(prefix -> entry.product().imageUrl().startsWith(prefix)))
                    .forEach(entries::add);
        }
        return entries;
    }

    /** The OData filter of the strings that start with one of the prefixes (and a few more, checked after). */
    static String prefixFilter(List<String> prefixes) {
        return prefixes.stream().map(prefix -> {
            char last = prefix.charAt(prefix.length() - 1);
            String lower = "ImageUrl ge " + literal(prefix);
            return last == Character.MAX_VALUE ? "(" + lower + ")"
                    : "(" + lower + " and ImageUrl lt " + literal(prefix.substring(0, prefix.length() - 1)
                            + (char) (last + 1)) + ")";
        }).collect(Collectors.joining(" or "));
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
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
            return withSourceColumn(select -> dab.products("Id eq " + productId, select, 1, null)).value().stream()
                    .findFirst().map(row -> entry(row, row.categoryId() == null ? null
                            : categories().get(row.categoryId())));
        }
        return dab.getProducts(productId).value().stream().filter(row -> row.productId() == productId).findFirst()
                .map(this::entry);
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

    /** Every page of the rows {@code filter} finds; the first page decides whether the source column is selected. */
    private List<CatalogEntry> readTables(String filter, Map<Integer, String> categories) {
        List<CatalogEntry> entries = new ArrayList<>();
        String[] select = new String[1];
        DabPage<ProductRow> page = withSourceColumn(fields -> {
            select[0] = fields;
            return dab.products(filter, fields, config.pageSize(), null);
        });
        while (true) {
            for (ProductRow row : page.value()) {
                entries.add(entry(row, row.categoryId() == null ? null : categories.get(row.categoryId())));
            }
            String after = page.nextCursor();
            if (after == null) {
                return entries;
            }
            page = dab.products(filter, select[0], config.pageSize(), after);
        }
    }

    /**
     * The read with the source column selected, and once more without it when DAB refuses it with a 400 that may be
     * the column's (a catalog without it): one WARN the first time, then reads go without it for a while. If the read
     * without it fails too, that error stands.
     */
    private <T> T withSourceColumn(Function<String, T> read) {
        String fields = source.select(PRODUCT_FIELDS);
        if (fields.equals(PRODUCT_FIELDS)) {
            return read.apply(PRODUCT_FIELDS);
        }
        T answer;
        try {
            answer = read.apply(fields);
        } catch (RuntimeException refused) {
            if (!SourceImageColumn.mayBeTheColumn(refused)) {
                throw refused;
            }
            T without = read.apply(PRODUCT_FIELDS);
            if (source.foundMissing()) {
                LOG.warnf("Data API Builder refused the reference photo column %s (400) and took the same read without"
                        + " it: products are requested without reference photos. Add the column to the catalog and to"
                        + " DAB's entity (then restart DAB), or set CATALOG_SOURCE_IMAGE_COLUMN empty. Tried again"
                        + " every %d minutes.", source.name().orElseThrow(), SourceImageColumn.RECHECK.toMinutes());
            }
            return without;
        }
        source.foundPresent();
        return answer;
    }

    private List<CatalogEntry> readProcedure() {
        List<CatalogEntry> entries = new ArrayList<>();
        for (ProcedureProductRow row : dab.getProducts(-1).value()) {
            entries.add(entry(row));
        }
        return entries;
    }

    private CatalogEntry entry(ProductRow row, String categoryName) {
        Product product = new Product(row.id(), row.productName(), row.description(), row.categoryId(), categoryName,
                row.tags()).withImageUrls(present(row.imageUrl()), source.name().map(row::column).orElse(null));
        return new CatalogEntry(product, hasImage(row.imageUrl()));
    }

    /** The procedure returns what it selects: deploy/sql's returns the source column, the seed's does not. */
    private CatalogEntry entry(ProcedureProductRow row) {
        Product product = new Product(row.productId(), row.productName(), row.description(), row.categoryId(),
                row.categoryName(), row.tags()).withImageUrls(present(row.imageUrl()),
                        source.name().map(row::column).orElse(null));
        return new CatalogEntry(product, hasImage(row.imageUrl()));
    }

    /** As the catalog holds it, not trimmed: a restyle's approval writes only while the catalog still holds exactly this. */
    private static String present(String imageUrl) {
        return hasImage(imageUrl) ? imageUrl : null;
    }

    private static boolean hasImage(String imageUrl) {
        return imageUrl != null && !imageUrl.isBlank();
    }
}
