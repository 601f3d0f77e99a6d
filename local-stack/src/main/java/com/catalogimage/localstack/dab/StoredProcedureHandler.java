package com.catalogimage.localstack.dab;

import com.catalogimage.localstack.dab.TableEntity.Column;
import com.catalogimage.localstack.dab.TableEntity.ColumnType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The seed's stored-procedure entities, re-implemented in Java over the same tables (H2 has no T-SQL). DAB's rules
 * for them: only the configured methods (else 405), GET takes parameters from the query string and answers 200,
 * other methods take a JSON body and answer 201 with a Location; both return the first result set as
 * {@code value}; no paging, filtering or key routes.
 *
 * <p>{@code InsertProduct} answers with the inserted {@code Products} row (all table columns, {@code Id} included),
 * as a procedure ending in {@code INSERT … OUTPUT inserted.*} would. The seed's config declares its parameters with
 * placeholder defaults ("s", "i", "n"); the emulator treats them all as required instead.
 *
 * <p>{@code UpdateProductImageUrl} is deploy/sql's conditional version (decision 0017): it writes only a product
 * without an image and answers {@code {"Status","RowsAffected","ProductID","ImageUrl"}}, the image the product holds
 * afterwards; only a write that changed the row counts in {@link DabStats}. With the optional alt text column
 * ({@link DabEmulator.Options#altTextColumn()}) it takes deploy/sql's optional {@code ImageAltText} (default NULL),
 * written in the same conditional statement as the URL, so it never lands on a product that kept another image; NULL
 * leaves the column as it is. Without the column the parameter does not exist, and naming it is DAB's 400. The optional
 * {@code ExpectedImageUrl} (default NULL, decision 0031) turns the condition into "the product still holds exactly this
 * URL": a restyle replaces its original and nothing else.
 */
final class StoredProcedureHandler {

    private record Param(String name, ColumnType type, boolean required, Object defaultValue) {
    }

    private interface Body {
        List<Map<String, Object>> run(Connection connection, Map<String, Object> args) throws SQLException;
    }

    private record Procedure(String name, Set<String> methods, List<Param> params, Body body) {
    }

    private static final String PRODUCTS_WITH_CATEGORY = """
            SELECT p.Id AS "ProductID", p.ProductName, p.Description, c.CategoryID, p.Tags, p.Price, p.ImageUrl,
                   p.CreatedAt, c.CategoryName
            FROM Products p INNER JOIN Categories c ON p.CategoryID = c.CategoryID""";

    /** The conditional {@code UpdateProductImageUrl}'s answer: 1 written now, 0 the product already had an image. */
    static final String ROWS_AFFECTED = "RowsAffected";
    /** deploy/sql's optional restyle parameter: write only over this URL instead of only where there is none. */
    static final String EXPECTED_IMAGE_URL = "ExpectedImageUrl";

    private final Map<String, Procedure> procedures;
    private final CatalogDatabase database;
    private final DabStats stats;

    StoredProcedureHandler(CatalogDatabase database, DabStats stats, boolean altTextColumn) {
        this.database = database;
        this.stats = stats;
        this.procedures = procedures(altTextColumn);
    }

    boolean isProcedure(String entity) {
        return procedures.containsKey(entity);
    }

    private static Map<String, Procedure> procedures(boolean altTextColumn) {
        List<Param> updateParams = new ArrayList<>(List.of(new Param("ProductID", ColumnType.INT, true, null),
                new Param("ImageUrl", ColumnType.STRING, true, null)));
        if (altTextColumn) {
            updateParams.add(new Param(TableEntity.ALT_TEXT, ColumnType.STRING, false, null));
        }
        updateParams.add(new Param(EXPECTED_IMAGE_URL, ColumnType.STRING, false, null));
        Map<String, Procedure> all = new LinkedHashMap<>();
        all.put("GetProducts", new Procedure("GetProducts", Set.of("GET"),
                List.of(new Param("ProductID", ColumnType.INT, false, -1)),
                (c, args) -> {
                    Object id = args.get("ProductID");
                    // Seed: @ProductID = -1 means every product. The ORDER BY is ours, for stable answers.
                    if (id != null && ((Integer) id) == -1) {
                        return CatalogDatabase.query(c, PRODUCTS_WITH_CATEGORY + " ORDER BY p.Id", List.of());
                    }
                    return CatalogDatabase.query(c, PRODUCTS_WITH_CATEGORY + " WHERE p.Id = ?",
                            Arrays.asList(id));
                }));
        all.put("UpdateProductImageUrl", new Procedure("UpdateProductImageUrl", Set.of("POST"),
                List.copyOf(updateParams),
                (c, args) -> {
                    Object id = args.get("ProductID");
                    String url = (String) args.get("ImageUrl");
                    if (url != null && url.length() > 2000) {
                        url = url.substring(0, 2000); // @ImageUrl NVARCHAR(2000) truncates silently
                    }
                    String alt = (String) args.get(TableEntity.ALT_TEXT);
                    if (alt != null && alt.length() > 125) {
                        alt = alt.substring(0, 125); // @ImageAltText NVARCHAR(125) truncates silently too
                    }
                    // One conditional UPDATE, as deploy/sql's procedure (decision 0017): only a product without an
                    // image is written, so two writers cannot both win; H2 re-checks the condition on a row another
                    // transaction changed before it took the row's lock, as SQL Server does. With ExpectedImageUrl (a
                    // restyle, decision 0031) only a product that still holds exactly that URL.
                    String expected = (String) args.get(EXPECTED_IMAGE_URL);
                    String condition = expected == null ? " AND (ImageUrl IS NULL OR TRIM(ImageUrl) = '')"
                            : " AND ImageUrl = ?";
                    List<Object> values = new ArrayList<>(alt == null ? Arrays.asList(url, id) : Arrays.asList(url, alt, id));
                    if (expected != null) {
                        values.add(expected);
                    }
                    int updated = CatalogDatabase.update(c, (alt == null ? "UPDATE Products SET ImageUrl = ?"
                            : "UPDATE Products SET ImageUrl = ?, ImageAltText = ?") + " WHERE Id = ?" + condition, values);
                    List<Map<String, Object>> now = CatalogDatabase.query(c,
                            "SELECT Id, ImageUrl FROM Products WHERE Id = ?", Arrays.asList(id));
                    if (now.isEmpty()) {
                        throw new DabEmulatorException(400, DabErrors.DATABASE_OPERATION_FAILED, "Product not found.");
                    }
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("Status", updated == 1 ? "success" : "unchanged");
                    row.put(ROWS_AFFECTED, updated);
                    row.put("ProductID", id);
                    row.put("ImageUrl", now.get(0).get("ImageUrl"));
                    return List.of(row);
                }));
        all.put("GetCategories", new Procedure("GetCategories", Set.of("GET"), List.of(),
                (c, args) -> CatalogDatabase.query(c,
                        "SELECT CategoryID, CategoryName FROM Categories ORDER BY CategoryID", List.of())));
        all.put("InsertProduct", new Procedure("InsertProduct", Set.of("POST"),
                List.of(new Param("ProductName", ColumnType.STRING, true, null),
                        new Param("Description", ColumnType.STRING, true, null),
                        new Param("CategoryID", ColumnType.INT, true, null),
                        new Param("Tags", ColumnType.STRING, true, null),
                        new Param("Price", ColumnType.DECIMAL, true, null),
                        new Param("ImageUrl", ColumnType.STRING, true, null)),
                (c, args) -> {
                    long id = CatalogDatabase.insert(c, """
                            INSERT INTO Products (ProductName, Description, CategoryID, Tags, Price, ImageUrl)
                            VALUES (?, ?, ?, ?, ?, ?)""", Arrays.asList(args.get("ProductName"),
                            args.get("Description"), args.get("CategoryID"), args.get("Tags"), args.get("Price"),
                            args.get("ImageUrl")));
                    return CatalogDatabase.query(c, "SELECT Id, ProductName, Description, CategoryID, Tags, Price,"
                            + " ImageUrl, CreatedAt FROM Products WHERE Id = ?", List.of(id));
                }));
        return Map.copyOf(all);
    }

    DabResponse handle(DabRequest request) {
        Procedure procedure = procedures.get(request.entity());
        if (!procedure.methods().contains(request.method())) {
            throw DabErrors.methodNotAllowed();
        }
        boolean isGet = request.method().equals("GET");
        Map<String, Object> args = isGet ? fromQuery(request, procedure) : fromBody(request, procedure);
        if (!request.keyRoute().isEmpty()) {
            throw DabErrors.badRequest("Primary key route not supported for this entity.");
        }
        List<Map<String, Object>> rows = database.inTransaction("Products", c -> procedure.body().run(c, args));
        if (procedure.name().equals("UpdateProductImageUrl")
                && ((Number) rows.get(0).get(ROWS_AFFECTED)).intValue() == 1) {
            stats.recordImageWrite(((Number) args.get("ProductID")).longValue());
        }
        return isGet ? DabResponse.ok(rows) : DabResponse.created(request.entityUri(), rows);
    }

    private static Map<String, Object> fromQuery(DabRequest request, Procedure procedure) {
        Map<String, Object> raw = new LinkedHashMap<>(request.query());
        return resolve(procedure, raw, (param, value) -> column(param).fromText((String) value));
    }

    private static Map<String, Object> fromBody(DabRequest request, Procedure procedure) {
        if (request.rawQuery() != null && !request.rawQuery().isEmpty()) {
            throw DabErrors.badRequest("Query string for this HTTP request type is an invalid URL.");
        }
        ObjectNode body = request.jsonObject();
        Map<String, Object> raw = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            raw.put(field.getKey(), field.getValue());
        }
        return resolve(procedure, raw, (param, value) -> column(param).fromJson((JsonNode) value));
    }

    private interface Converter {
        Object convert(Param param, Object raw);
    }

    /** DAB's parameter check: no unknown names, every required one present (or defaulted), values of the right type. */
    private static Map<String, Object> resolve(Procedure procedure, Map<String, Object> raw, Converter converter) {
        Set<String> extra = new LinkedHashSet<>(raw.keySet());
        List<String> missing = new ArrayList<>();
        Map<String, Object> args = new LinkedHashMap<>();
        for (Param param : procedure.params()) {
            extra.remove(param.name());
            if (!raw.containsKey(param.name())) {
                if (param.required()) {
                    missing.add(param.name());
                } else {
                    args.put(param.name(), param.defaultValue());
                }
            }
        }
        if (!extra.isEmpty()) {
            throw DabErrors.badRequest("Invalid request. Contained unexpected fields: " + String.join(", ", extra)
                    + " for entity: " + procedure.name());
        }
        if (!missing.isEmpty()) {
            throw DabErrors.badRequest("Invalid request. Missing required procedure parameters: "
                    + String.join(", ", missing) + " for entity: " + procedure.name());
        }
        for (Param param : procedure.params()) {
            if (raw.containsKey(param.name())) {
                Object value = raw.get(param.name());
                try {
                    args.put(param.name(), converter.convert(param, value));
                } catch (DabEmulatorException e) {
                    throw DabErrors.badRequest("Parameter \"" + (value instanceof JsonNode node && node.isTextual()
                            ? node.textValue() : value) + "\" cannot be resolved as stored procedure parameter \""
                            + param.name() + "\" with type \"" + param.type().dotNetName + "\".");
                }
            }
        }
        return args;
    }

    private static Column column(Param param) {
        return new Column(param.name(), param.type(), true, false, false);
    }
}
