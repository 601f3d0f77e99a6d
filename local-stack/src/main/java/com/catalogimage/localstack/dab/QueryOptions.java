package com.catalogimage.localstack.dab;

import com.catalogimage.localstack.dab.TableEntity.Column;
import com.catalogimage.localstack.http.JsonHttpServer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The query options of a read on a table entity ({@code $select $filter $orderby $first $after}), validated the way
 * DAB validates them, plus the keyset cursor DAB puts in {@code $after}: base64 of a JSON list of
 * {@code {EntityName, FieldName, FieldValue, Direction}}, one per sort column, primary key last.
 */
final class QueryOptions {

    static final int DEFAULT_PAGE_SIZE = 100;
    static final int MAX_PAGE_SIZE = 100_000;

    record OrderColumn(Column column, boolean descending) {
    }

    private final TableEntity entity;
    /** Fields to return, or null for all. */
    final List<Column> select;
    /** Sort columns, always ending with the primary key so that the order is total. */
    final List<OrderColumn> orderBy;
    final int first;
    final ODataFilter.Sql filter;
    /** Values of {@link #orderBy} in the row the previous page ended on, or null for the first page. */
    final List<Object> after;
    /** The options that a nextLink repeats, raw, in request order. */
    final Map<String, String> carried;

    private QueryOptions(TableEntity entity, List<Column> select, List<OrderColumn> orderBy, int first,
                         ODataFilter.Sql filter, List<Object> after, Map<String, String> carried) {
        this.entity = entity;
        this.select = select;
        this.orderBy = orderBy;
        this.first = first;
        this.filter = filter;
        this.after = after;
        this.carried = carried;
    }

    static QueryOptions parse(Map<String, String> query, TableEntity entity) {
        List<Column> select = null;
        List<OrderColumn> orderBy = null;
        int first = DEFAULT_PAGE_SIZE;
        ODataFilter.Sql filter = null;
        String afterToken = null;
        Map<String, String> carried = new LinkedHashMap<>();
        for (Map.Entry<String, String> option : query.entrySet()) {
            String value = option.getValue();
            switch (option.getKey()) {
                case "$select" -> select = parseSelect(value, entity);
                case "$filter" -> filter = ODataFilter.compile(value, entity);
                case "$orderby" -> orderBy = parseOrderBy(value, entity);
                case "$first" -> first = parseFirst(value);
                case "$after" -> afterToken = value;
                default -> throw DabErrors.badRequest(option.getKey().isBlank()
                        ? "A query parameter without a key is not supported."
                        : "Invalid Query Parameter: " + option.getKey());
            }
            if (!option.getKey().equals("$after")) {
                carried.put(option.getKey(), value);
            }
        }
        List<OrderColumn> order = withPrimaryKey(orderBy == null ? List.of() : orderBy, entity);
        List<Object> after = afterToken == null ? null : decodeCursor(afterToken, order, entity);
        return new QueryOptions(entity, select, order, first, filter, after, carried);
    }

    private static List<Column> parseSelect(String value, TableEntity entity) {
        List<Column> columns = new ArrayList<>();
        for (String field : value.split(",", -1)) {
            if (field.isBlank()) {
                throw DabErrors.badRequest("Invalid Field name: null or white space");
            }
            Column column = entity.column(field).orElseThrow(() -> DabErrors.badRequest(
                    "Invalid field to be returned requested: " + field));
            if (!columns.contains(column)) {
                columns.add(column);
            }
        }
        return columns;
    }

    private static List<OrderColumn> parseOrderBy(String value, TableEntity entity) {
        List<OrderColumn> order = new ArrayList<>();
        int at = 0;
        for (String item : value.split(",", -1)) {
            String[] words = item.trim().split("\\s+");
            if (item.isBlank() || words.length > 2
                    || (words.length == 2 && !words[1].equals("asc") && !words[1].equals("desc"))) {
                throw DabErrors.badRequest("Syntax error at position " + (at + item.length()) + " in '" + value + "'.");
            }
            Column column = entity.column(words[0]).orElseThrow(() -> DabErrors.badRequest(
                    "Could not find a property named '" + words[0] + "' on type '" + entity.edmTypeName() + "'."));
            if (order.stream().noneMatch(o -> o.column().equals(column))) {
                order.add(new OrderColumn(column, words.length == 2 && words[1].equals("desc")));
            }
            at += item.length() + 1;
        }
        return order;
    }

    private static List<OrderColumn> withPrimaryKey(List<OrderColumn> order, TableEntity entity) {
        List<OrderColumn> full = new ArrayList<>(order);
        if (full.stream().noneMatch(o -> o.column().name().equals(entity.primaryKey()))) {
            full.add(new OrderColumn(entity.pkColumn(), false));
        }
        return List.copyOf(full);
    }

    static int parseFirst(String value) {
        long first;
        try {
            first = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            first = 0;
        }
        if (first == -1) {
            return MAX_PAGE_SIZE;
        }
        if (first < 1 || first > MAX_PAGE_SIZE) {
            throw DabErrors.badRequest("Invalid number of items requested, $first must be -1 or an integer between 1"
                    + " and " + MAX_PAGE_SIZE + ". Actual value: " + value);
        }
        return (int) first;
    }

    /** The {@code $after} token for the page that ends with {@code row} (a row as returned, all columns). */
    String cursorAfter(Map<String, Object> row) {
        List<Map<String, Object>> fields = new ArrayList<>();
        for (OrderColumn o : orderBy) {
            Map<String, Object> field = new LinkedHashMap<>();
            field.put("EntityName", entity.name());
            field.put("FieldName", o.column().name());
            field.put("FieldValue", row.get(o.column().name()));
            field.put("Direction", o.descending() ? 1 : 0);
            fields.add(field);
        }
        try {
            return Base64.getEncoder().encodeToString(JsonHttpServer.JSON.writeValueAsBytes(fields));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Object> decodeCursor(String token, List<OrderColumn> order, TableEntity entity) {
        String json = token;
        try {
            // A '+' in an unencoded nextLink arrives as a space; put it back rather than reject the client.
            json = new String(Base64.getDecoder().decode(token.trim().replace(' ', '+')), StandardCharsets.UTF_8);
            JsonNode fields = JsonHttpServer.JSON.readTree(json);
            if (fields == null || !fields.isArray() || fields.size() != order.size()) {
                throw new IllegalArgumentException("wrong shape");
            }
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < order.size(); i++) {
                JsonNode field = fields.get(i);
                OrderColumn expected = order.get(i);
                if (!field.path("FieldName").asText("").equals(expected.column().name())
                        || field.path("Direction").asInt(-1) != (expected.descending() ? 1 : 0)
                        || !field.has("FieldValue")) {
                    throw new IllegalArgumentException("column mismatch");
                }
                values.add(expected.column().fromJson(field.get("FieldValue")));
            }
            return values;
        } catch (IllegalArgumentException | JsonProcessingException | DabEmulatorException e) {
            throw DabErrors.badRequest(json + " is not a valid pagination token.");
        }
    }
}
