package com.catalogimage.localstack.dab;

import com.catalogimage.localstack.dab.QueryOptions.OrderColumn;
import com.catalogimage.localstack.dab.TableEntity.Column;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * REST on a table entity, as DAB 1.x does it: list with OData options and keyset paging, read by key (a missing row
 * is an empty {@code value}, not a 404), insert, PUT/PATCH upsert ({@code If-Match: *} makes it update-only) and
 * delete.
 */
final class TableEntityHandler {

    private final CatalogDatabase database;
    private final DabStats stats;
    private final boolean requestBodyStrict;

    TableEntityHandler(CatalogDatabase database, DabStats stats, boolean requestBodyStrict) {
        this.database = database;
        this.stats = stats;
        this.requestBodyStrict = requestBodyStrict;
    }

    DabResponse handle(DabRequest request, TableEntity entity) {
        boolean hasKey = !request.keyRoute().isEmpty();
        return switch (request.method()) {
            case "GET" -> hasKey ? readByKey(request, entity) : list(request, entity);
            case "POST" -> insert(request, entity);
            case "PUT", "PATCH" -> upsert(request, entity, request.method().equals("PUT"));
            case "DELETE" -> delete(request, entity);
            default -> throw DabErrors.methodNotAllowed();
        };
    }

    // --- reads ---

    private DabResponse list(DabRequest request, TableEntity entity) {
        QueryOptions options = QueryOptions.parse(request.query(), entity);
        StringBuilder sql = new StringBuilder("SELECT ").append(columnList(entity)).append(" FROM ")
                .append(entity.table());
        List<Object> params = new ArrayList<>();
        List<String> conditions = new ArrayList<>();
        if (options.filter != null) {
            conditions.add(options.filter.where());
            params.addAll(options.filter.params());
        }
        if (options.after != null) {
            conditions.add(keyset(options.orderBy, options.after, params));
        }
        if (!conditions.isEmpty()) {
            sql.append(" WHERE ").append(String.join(" AND ", conditions));
        }
        // SQL Server sorts NULL lowest; spelling it out keeps the keyset predicate below in step with the order.
        sql.append(" ORDER BY ").append(options.orderBy.stream()
                .map(o -> o.column().quoted() + (o.descending() ? " DESC NULLS LAST" : " ASC NULLS FIRST"))
                .collect(Collectors.joining(", ")));
        sql.append(" OFFSET 0 ROWS FETCH NEXT ? ROWS ONLY");
        params.add(options.first + 1);

        List<Map<String, Object>> rows = database.inTransaction(entity.table(),
                c -> CatalogDatabase.query(c, sql.toString(), params));
        Map<String, Object> body = new LinkedHashMap<>();
        boolean more = rows.size() > options.first;
        List<Map<String, Object>> page = more ? rows.subList(0, options.first) : rows;
        body.put("value", project(page, options.select));
        if (more) {
            body.put("nextLink", nextLink(request, options, options.cursorAfter(page.get(page.size() - 1))));
        }
        return new DabResponse(200, body, Map.of());
    }

    /**
     * Rows strictly after the cursor row in the sort order: for sort columns c1..cn,
     * (c1 after v1) OR (c1 = v1 AND c2 after v2) OR … — with NULLs first when ascending and last when descending.
     */
    private static String keyset(List<OrderColumn> order, List<Object> values, List<Object> params) {
        List<String> alternatives = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            List<String> parts = new ArrayList<>();
            for (int j = 0; j < i; j++) {
                Object v = values.get(j);
                String column = order.get(j).column().quoted();
                if (v == null) {
                    parts.add(column + " IS NULL");
                } else {
                    parts.add(column + " = ?");
                    params.add(v);
                }
            }
            OrderColumn o = order.get(i);
            String column = o.column().quoted();
            Object v = values.get(i);
            if (!o.descending()) {
                if (v == null) {
                    parts.add(column + " IS NOT NULL");
                } else {
                    parts.add(column + " > ?");
                    params.add(v);
                }
            } else {
                if (v == null) {
                    parts.add("1=0");
                } else {
                    parts.add("(" + column + " < ? OR " + column + " IS NULL)");
                    params.add(v);
                }
            }
            alternatives.add("(" + String.join(" AND ", parts) + ")");
        }
        return "(" + String.join(" OR ", alternatives) + ")";
    }

    private static String nextLink(DabRequest request, QueryOptions options, String after) {
        StringBuilder link = new StringBuilder(request.entityUri()).append('?');
        for (Map.Entry<String, String> option : options.carried.entrySet()) {
            link.append(option.getKey()).append('=').append(encode(option.getValue())).append('&');
        }
        return link.append("$after=").append(encode(after)).toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private DabResponse readByKey(DabRequest request, TableEntity entity) {
        Object key = parseKey(request.keyRoute(), entity);
        QueryOptions options = QueryOptions.parse(request.query(), entity);
        StringBuilder sql = new StringBuilder("SELECT ").append(columnList(entity)).append(" FROM ")
                .append(entity.table()).append(" WHERE ").append(entity.pkColumn().quoted()).append(" = ?");
        List<Object> params = new ArrayList<>(List.of(key));
        if (options.filter != null) {
            sql.append(" AND ").append(options.filter.where());
            params.addAll(options.filter.params());
        }
        List<Map<String, Object>> rows = database.inTransaction(entity.table(),
                c -> CatalogDatabase.query(c, sql.toString(), params));
        return DabResponse.ok(project(rows, options.select));
    }

    // --- writes ---

    private DabResponse insert(DabRequest request, TableEntity entity) {
        if (!request.keyRoute().isEmpty()) {
            throw DabErrors.badRequest("Primary key for POST requests can't be specified in the request URL."
                    + " Use request body instead.");
        }
        if (request.rawQuery() != null && !request.rawQuery().isEmpty()) {
            throw DabErrors.badRequest("Query string for this HTTP request type is an invalid URL.");
        }
        ObjectNode body = request.jsonObject();
        Set<String> unexpected = new LinkedHashSet<>();
        body.fieldNames().forEachRemaining(unexpected::add);
        Map<Column, Object> values = new LinkedHashMap<>();
        for (Column column : entity.columns()) {
            boolean present = body.has(column.name());
            unexpected.remove(column.name());
            if (present && column.autoGenerated()) {
                throw DabErrors.badRequest("Invalid request body. Field not allowed in body: " + column.name() + ".");
            }
            if (present && !column.nullable() && body.get(column.name()).isNull()) {
                throw DabErrors.badRequest("Invalid value for field " + column.name() + " in request body.");
            }
            if (!present && !column.autoGenerated() && !column.nullable() && !column.hasDefault()) {
                throw DabErrors.badRequest("Invalid request body. Missing field in body: " + column.name() + ".");
            }
            if (present) {
                values.put(column, column.fromJson(body.get(column.name())));
            }
        }
        if (!unexpected.isEmpty() && requestBodyStrict) {
            throw DabErrors.badRequest("Invalid request body. Contained unexpected fields in body: "
                    + String.join(", ", unexpected));
        }
        String sql = "INSERT INTO " + entity.table() + " ("
                + values.keySet().stream().map(Column::quoted).collect(Collectors.joining(", ")) + ") VALUES ("
                + values.keySet().stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
        List<Map<String, Object>> rows = database.inTransaction(entity.table(), c -> {
            long id = CatalogDatabase.insert(c, sql, new ArrayList<>(values.values()));
            return selectByKey(c, entity, id);
        });
        Object id = rows.get(0).get(entity.primaryKey());
        if (entity.isProducts() && values.keySet().stream().anyMatch(c -> c.name().equals("ImageUrl"))) {
            stats.recordImageWrite(((Number) id).longValue());
        }
        return DabResponse.created(request.entityUri() + "/" + entity.primaryKey() + "/" + id, rows);
    }

    private DabResponse upsert(DabRequest request, TableEntity entity, boolean replace) {
        if (request.keyRoute().isEmpty()) {
            throw DabErrors.badRequest("Primary Key for this HTTP request type is required.");
        }
        Object key = parseKey(request.keyRoute(), entity);
        String ifMatch = request.ifMatch();
        if (ifMatch != null && !ifMatch.trim().equals("*")) {
            throw DabErrors.badRequest("Etags not supported, use '*'");
        }
        boolean updateOnly = ifMatch != null;
        Map<Column, Object> values = upsertValues(request.jsonObject(), entity, replace);

        List<Map<String, Object>> rows = database.inTransaction(entity.table(), c -> {
            int updated;
            if (values.isEmpty()) {
                updated = selectByKey(c, entity, key).size();
            } else {
                String sql = "UPDATE " + entity.table() + " SET "
                        + values.keySet().stream().map(col -> col.quoted() + " = ?").collect(Collectors.joining(", "))
                        + " WHERE " + entity.pkColumn().quoted() + " = ?";
                List<Object> params = new ArrayList<>(values.values());
                params.add(key);
                updated = CatalogDatabase.update(c, sql, params);
            }
            if (updated == 0) {
                if (updateOnly) {
                    throw DabErrors.entityNotFound("No Update could be performed, record not found");
                }
                // The upsert would insert with the key from the URL; SQL Server refuses an explicit identity value.
                throw new DabEmulatorException(400, DabErrors.DATABASE_OPERATION_FAILED, "Cannot insert explicit value for"
                        + " identity column in table '" + entity.table() + "' when IDENTITY_INSERT is set to OFF.");
            }
            return selectByKey(c, entity, key);
        });
        if (entity.isProducts() && values.keySet().stream().anyMatch(c -> c.name().equals("ImageUrl"))) {
            stats.recordImageWrite(((Number) key).longValue());
        }
        return DabResponse.ok(rows);
    }

    /** Validates an upsert body as DAB's request-body-strict mode does and converts its values. */
    private Map<Column, Object> upsertValues(ObjectNode body, TableEntity entity, boolean replace) {
        Map<Column, Object> values = new LinkedHashMap<>();
        boolean extra = false;
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            Column column = entity.column(field.getKey()).orElse(null);
            if (column == null || column.name().equals(entity.primaryKey())) {
                // DAB skips key columns while validating, so a key in the body counts as an extra field.
                extra = true;
                continue;
            }
            if (!column.nullable() && field.getValue().isNull()) {
                throw DabErrors.badRequest("Invalid value for field " + column.name() + " in request body.");
            }
            if (column.autoGenerated()) {
                throw DabErrors.badRequest("Invalid request body. Field not allowed in body: " + column.name() + ".");
            }
            values.put(column, column.fromJson(field.getValue()));
        }
        if (replace) {
            for (Column column : entity.columns()) {
                if (values.containsKey(column) || column.autoGenerated() || column.name().equals(entity.primaryKey())) {
                    continue;
                }
                if (!column.nullable() && !column.hasDefault()) {
                    throw DabErrors.badRequest("Invalid request body. Missing field in body: " + column.name() + ".");
                }
                if (!column.hasDefault()) {
                    values.put(column, null);
                }
            }
        }
        if (extra && requestBodyStrict) {
            throw DabErrors.badRequest("Invalid request body. Either insufficient or extra fields supplied.");
        }
        return values;
    }

    private DabResponse delete(DabRequest request, TableEntity entity) {
        if (request.keyRoute().isEmpty()) {
            throw DabErrors.badRequest("Primary Key for this HTTP request type is required.");
        }
        Object key = parseKey(request.keyRoute(), entity);
        int deleted = database.inTransaction(entity.table(), c -> CatalogDatabase.update(c,
                "DELETE FROM " + entity.table() + " WHERE " + entity.pkColumn().quoted() + " = ?", List.of(key)));
        if (deleted == 0) {
            throw DabErrors.entityNotFound("Not Found");
        }
        return DabResponse.noContent();
    }

    // --- helpers ---

    /** The key value from a route like {@code Id/5}, with DAB's complaints about malformed routes. */
    static Object parseKey(String keyRoute, TableEntity entity) {
        String[] parts = keyRoute.split("/");
        if (parts.length % 2 != 0) {
            throw DabErrors.badRequest("Support for url template with implicit primary key field names is not yet"
                    + " added.");
        }
        Map<String, String> pairs = new LinkedHashMap<>();
        for (int i = 0; i < parts.length; i += 2) {
            if (parts[i + 1].isBlank()) {
                throw DabErrors.badRequest("The request is invalid since it contains a primary key with no value"
                        + " specified.");
            }
            if (pairs.put(parts[i], parts[i + 1]) != null) {
                throw DabErrors.badRequest("The request is invalid since it contains duplicate primary keys.");
            }
        }
        if (pairs.size() != 1) {
            throw DabErrors.badRequest("Primary key column(s) provided do not match DB schema.");
        }
        Map.Entry<String, String> pair = pairs.entrySet().iterator().next();
        if (entity.column(pair.getKey()).isEmpty()) {
            throw DabErrors.entityNotFound("Primary key column: " + pair.getKey() + " not found in the entity"
                    + " definition.");
        }
        if (!pair.getKey().equals(entity.primaryKey())) {
            throw DabErrors.entityNotFound("The request is invalid since the primary keys: " + pair.getKey()
                    + " requested were not found in the entity definition.");
        }
        return entity.pkColumn().fromText(pair.getValue());
    }

    private static List<Map<String, Object>> selectByKey(Connection c, TableEntity entity, Object key)
            throws SQLException {
        return CatalogDatabase.query(c, "SELECT " + columnList(entity) + " FROM " + entity.table() + " WHERE "
                + entity.pkColumn().quoted() + " = ?", List.of(key));
    }

    private static String columnList(TableEntity entity) {
        return entity.columns().stream().map(Column::quoted).collect(Collectors.joining(", "));
    }

    private static List<Map<String, Object>> project(List<Map<String, Object>> rows, List<Column> select) {
        if (select == null) {
            return rows;
        }
        List<Map<String, Object>> out = new ArrayList<>(rows.size());
        for (Map<String, Object> row : rows) {
            Map<String, Object> projected = new LinkedHashMap<>();
            for (Column column : select) {
                projected.put(column.name(), row.get(column.name()));
            }
            out.add(projected);
        }
        return out;
    }
}
