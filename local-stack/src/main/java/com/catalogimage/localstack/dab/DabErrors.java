package com.catalogimage.localstack.dab;

import com.catalogimage.localstack.http.JsonHttpServer;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * DAB's error vocabulary: the sub-status codes and the messages DAB 1.x writes for the failures the emulator can
 * produce. Messages are copied from DAB where a client might plausibly match on them.
 */
public final class DabErrors {

    public static final String BAD_REQUEST = "BadRequest";
    public static final String ENTITY_NOT_FOUND = "EntityNotFound";
    public static final String ITEM_NOT_FOUND = "ItemNotFound";
    public static final String AUTHORIZATION_CHECK_FAILED = "AuthorizationCheckFailed";
    public static final String AUTHENTICATION_CHALLENGE = "AuthenticationChallenge";
    public static final String DATABASE_OPERATION_FAILED = "DatabaseOperationFailed";
    public static final String UNEXPECTED_ERROR = "UnexpectedError";

    /** DAB's production-mode text for a database error it does not pass through. */
    public static final String GENERIC_DB_MESSAGE = "While processing your request the database ran into an error.";
    static final String AUTHORIZATION_FAILURE = "Authorization Failure: Access Not Allowed.";
    static final String NOT_SUPPORTED = "This operation is not supported.";

    private DabErrors() {
    }

    static DabEmulatorException badRequest(String message) {
        return new DabEmulatorException(400, BAD_REQUEST, message);
    }

    static DabEmulatorException entityNotFound(String message) {
        return new DabEmulatorException(404, ENTITY_NOT_FOUND, message);
    }

    static DabEmulatorException methodNotAllowed() {
        // DAB answers 405 but keeps the BadRequest sub-status.
        return new DabEmulatorException(405, BAD_REQUEST, NOT_SUPPORTED);
    }

    /** The envelope as a map, ready for Jackson. */
    public static Map<String, Object> envelope(int status, String code, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        error.put("status", status);
        return Map.of("error", error);
    }

    static void send(HttpExchange exchange, DabEmulatorException e) throws IOException {
        JsonHttpServer.sendJson(exchange, e.status(), envelope(e.status(), e.code(), e.getMessage()));
    }

    /** The default code a fault or an error of this status carries when nobody chose one. */
    public static String defaultCode(int status) {
        return switch (status) {
            case 400, 409, 500 -> DATABASE_OPERATION_FAILED;
            case 401 -> AUTHENTICATION_CHALLENGE;
            case 403 -> AUTHORIZATION_CHECK_FAILED;
            case 404 -> ENTITY_NOT_FOUND;
            default -> UNEXPECTED_ERROR;
        };
    }

    /** The default message for an injected fault: what DAB writes for that status in production mode. */
    public static String defaultMessage(int status) {
        return switch (status) {
            case 400 -> "The request could not be processed by the database.";
            case 401 -> "Authentication failed.";
            case 403 -> AUTHORIZATION_FAILURE;
            case 404 -> "Not Found";
            case 409 -> "The database operation could not complete because of a conflict with a concurrent change"
                    + " to the same record.";
            case 429 -> "Too many requests. Please retry later.";
            case 500 -> GENERIC_DB_MESSAGE;
            case 503 -> "The service is temporarily unavailable.";
            default -> "While processing your request the server ran into an unexpected error.";
        };
    }

    /**
     * Maps an H2 failure to what SQL Server plus DAB would answer. Constraint and data errors are the client's fault
     * (DAB answers 400 for them, with SQL Server's wording); anything else is a 500 with the generic text.
     */
    static DabEmulatorException fromSql(SQLException e, String table) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (state.equals("23506")) {
            return new DabEmulatorException(400, DATABASE_OPERATION_FAILED, "The statement conflicted with the FOREIGN KEY"
                    + " constraint \"FK_Products_Categories\". The conflict occurred in database \"catalog\", table"
                    + " \"dbo.Categories\", column 'CategoryID'.");
        }
        if (state.equals("23502")) {
            String column = between(message, "column \"", "\"");
            return new DabEmulatorException(400, DATABASE_OPERATION_FAILED, "Cannot insert the value NULL into column '"
                    + column + "', table 'dbo." + table + "'; column does not allow nulls.");
        }
        if (state.equals("22001")) {
            String column = between(message, "column \"", " ");
            return new DabEmulatorException(400, DATABASE_OPERATION_FAILED, "String or binary data would be truncated in"
                    + " table 'dbo." + table + "', column '" + column + "'.");
        }
        if (state.startsWith("22") || state.startsWith("23")) {
            return new DabEmulatorException(400, DATABASE_OPERATION_FAILED, GENERIC_DB_MESSAGE);
        }
        return new DabEmulatorException(500, DATABASE_OPERATION_FAILED, GENERIC_DB_MESSAGE);
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        if (from < 0) {
            return "?";
        }
        from += start.length();
        int to = text.indexOf(end, from);
        return to < 0 ? text.substring(from) : text.substring(from, to);
    }
}
