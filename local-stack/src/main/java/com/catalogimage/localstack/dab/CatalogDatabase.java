package com.catalogimage.localstack.dab;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The seed's catalog schema in H2 (SQL Server compatibility mode). Each request thread keeps its own connection, so
 * transactions of concurrent requests stay apart without a pool, and H2's per-session statement cache spares parsing
 * the same SQL on every request (a connection per request was a third of the emulator's CPU in the benchmark). One
 * extra connection is held open for the emulator's lifetime so that an in-memory database is not dropped between
 * requests.
 */
final class CatalogDatabase implements AutoCloseable {

    /** The seed's DDL; SYSDATETIME() becomes LOCALTIMESTAMP, the H2 spelling of the same default. */
    private static final String[] SCHEMA = {
        """
        CREATE TABLE IF NOT EXISTS Categories (
          CategoryID INT IDENTITY(1,1) PRIMARY KEY,
          CategoryName NVARCHAR(100) NOT NULL
        )""",
        """
        CREATE TABLE IF NOT EXISTS Products (
          Id INT IDENTITY(1,1) PRIMARY KEY,
          ProductName NVARCHAR(255) NOT NULL,
          Description NVARCHAR(1000) NOT NULL,
          CategoryID INT NOT NULL,
          Tags NVARCHAR(MAX) NULL,
          Price DECIMAL(10, 2) NOT NULL,
          ImageUrl NVARCHAR(1000) NOT NULL,
          CreatedAt DATETIME2 DEFAULT LOCALTIMESTAMP,
          CONSTRAINT FK_Products_Categories FOREIGN KEY (CategoryID) REFERENCES Categories(CategoryID)
        )"""
    };

    interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * H2's driver used directly: {@code DriverManager} only finds drivers visible to the caller's class loader, and
     * Quarkus tests load this class in a per-application class loader.
     */
    private static final org.h2.Driver DRIVER = new org.h2.Driver();

    private final String url;
    private final Connection keeper;
    private final ThreadLocal<Connection> perThread = new ThreadLocal<>();
    private final Queue<Connection> opened = new ConcurrentLinkedQueue<>();

    /**
     * deploy/sql's 005: the optional alt text column, added after the seed's table as the migration adds it to an
     * existing catalog. Never dropped: an emulator told the catalog lacks it only stops exposing it.
     */
    private static final String ALT_TEXT_COLUMN =
            "ALTER TABLE Products ADD COLUMN IF NOT EXISTS ImageAltText NVARCHAR(125) NULL";

    /** deploy/sql's 006: the optional reference photo column, added after 005's, never dropped (as above). */
    private static final String SOURCE_IMAGE_COLUMN =
            "ALTER TABLE Products ADD COLUMN IF NOT EXISTS SourceImageUrl NVARCHAR(1000) NULL";

    private final boolean sourceImageColumn;

    CatalogDatabase(String jdbcUrl) {
        this(jdbcUrl, true, true);
    }

    CatalogDatabase(String jdbcUrl, boolean altTextColumn) {
        this(jdbcUrl, altTextColumn, true);
    }

    CatalogDatabase(String jdbcUrl, boolean altTextColumn, boolean sourceImageColumn) {
        this.sourceImageColumn = sourceImageColumn;
        this.url = withCompatibilitySettings(jdbcUrl == null
                ? "jdbc:h2:mem:dab-" + UUID.randomUUID() : jdbcUrl);
        try {
            keeper = connect();
            try (Statement statement = keeper.createStatement()) {
                for (String ddl : SCHEMA) {
                    statement.execute(ddl);
                }
                if (altTextColumn) {
                    statement.execute(ALT_TEXT_COLUMN);
                }
                if (sourceImageColumn) {
                    statement.execute(SOURCE_IMAGE_COLUMN);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot open the DAB emulator's database " + url, e);
        }
    }

    private Connection connect() throws SQLException {
        return DRIVER.connect(url, new java.util.Properties());
    }

    /** This thread's connection, opened on first use (or again after it broke), with auto-commit off. */
    private Connection threadConnection() throws SQLException {
        Connection connection = perThread.get();
        if (connection == null || connection.isClosed()) {
            connection = connect();
            connection.setAutoCommit(false);
            perThread.set(connection);
            opened.add(connection);
        }
        return connection;
    }

    private static String withCompatibilitySettings(String url) {
        String upper = url.toUpperCase();
        StringBuilder full = new StringBuilder(url);
        if (!upper.contains(";MODE=")) {
            full.append(";MODE=MSSQLServer");
        }
        if (!upper.contains("DATABASE_TO_UPPER=")) {
            full.append(";DATABASE_TO_UPPER=FALSE");
        }
        return full.toString();
    }

    /** Runs {@code work} in one transaction on a fresh connection; a SQL failure becomes DAB's error for it. */
    <T> T inTransaction(String table, SqlWork<T> work) {
        try {
            Connection connection = threadConnection();
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw DabErrors.fromSql(e, table);
        }
    }

    static List<Map<String, Object>> query(Connection connection, String sql, List<?> params) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, params);
            try (ResultSet rows = statement.executeQuery()) {
                List<Map<String, Object>> out = new ArrayList<>();
                while (rows.next()) {
                    out.add(row(rows));
                }
                return out;
            }
        }
    }

    static int update(Connection connection, String sql, List<?> params) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, params);
            return statement.executeUpdate();
        }
    }

    static long insert(Connection connection, String sql, List<?> params) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            bind(statement, params);
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static void bind(PreparedStatement statement, List<?> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            statement.setObject(i + 1, params.get(i));
        }
    }

    /** One row as DAB writes it: numbers as numbers, DATETIME2 as an ISO local date-time with seven digits. */
    private static Map<String, Object> row(ResultSet rows) throws SQLException {
        ResultSetMetaData meta = rows.getMetaData();
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            Object value;
            if (meta.getColumnType(i) == Types.TIMESTAMP) {
                LocalDateTime time = rows.getObject(i, LocalDateTime.class);
                value = time == null ? null : TableEntity.Column.DATETIME2.format(time);
            } else {
                value = rows.getObject(i);
            }
            row.put(meta.getColumnLabel(i), value);
        }
        return row;
    }

    /** Inserts a product; {@code categoryId} must exist. */
    long insertProduct(String name, String description, int categoryId, String tags, BigDecimal price,
                       String imageUrl) {
        return inTransaction("Products", c -> insert(c, """
                INSERT INTO Products (ProductName, Description, CategoryID, Tags, Price, ImageUrl)
                VALUES (?, ?, ?, ?, ?, ?)""", java.util.Arrays.asList(name, description, categoryId, tags, price,
                imageUrl)));
    }

    /** A URL on the local supplier CDN (loopback, any port): the only URLs a reopened catalog's rows follow. */
    private static final String LOCAL_SUPPLIER_PHOTO = "^http://127\\.0\\.0\\.1:[0-9]+/photos/";

    /**
     * A reopened catalog (a persistent one, or one filled before the stack started, as the fault matrix and the
     * benchmark do) names the local supplier CDN on the port it had then; the CDN may have another now (a free port).
     * Its rows follow the CDN, so the sample's reference photos and supplier images stay reachable; other URLs are
     * left alone.
     */
    private void followLocalSupplierPhotos(Connection c, String supplierPhotos) throws SQLException {
        String base = supplierPhotos.replaceAll("/+$", "") + "/photos/";
        List<String> columns = sourceImageColumn ? List.of("ImageUrl", "SourceImageUrl") : List.of("ImageUrl");
        for (String column : columns) {
            try (PreparedStatement update = c.prepareStatement("UPDATE Products SET " + column + " = REGEXP_REPLACE("
                    + column + ", ?, ?) WHERE REGEXP_LIKE(" + column + ", ?)")) {
                update.setString(1, LOCAL_SUPPLIER_PHOTO);
                update.setString(2, base);
                update.setString(3, LOCAL_SUPPLIER_PHOTO);
                update.executeUpdate();
            }
        }
    }

    /** Loads the sample catalog, unless Products already has rows (a persistent database being reopened). */
    void loadSampleCatalogIfEmpty() {
        loadSampleCatalogIfEmpty(SampleCatalog.DEFAULT_SUPPLIER_PHOTOS);
    }

    /**
     * As {@link #loadSampleCatalogIfEmpty()}, with the supplier CDN's URLs on {@code supplierPhotos} (its real port);
     * without the source image column the reference photos are left out, the supplier-hosted image URLs stay.
     */
    void loadSampleCatalogIfEmpty(String supplierPhotos) {
        inTransaction("Products", c -> {
            try (Statement statement = c.createStatement();
                 ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM Products")) {
                count.next();
                if (count.getLong(1) > 0) {
                    followLocalSupplierPhotos(c, supplierPhotos);
                    return null;
                }
            }
            Map<String, Integer> categoryIds = new HashMap<>();
            for (Map<String, Object> row : query(c, "SELECT CategoryID, CategoryName FROM Categories", List.of())) {
                categoryIds.put((String) row.get("CategoryName"), (Integer) row.get("CategoryID"));
            }
            for (String category : SampleCatalog.CATEGORIES) {
                if (!categoryIds.containsKey(category)) {
                    long id = insert(c, "INSERT INTO Categories (CategoryName) VALUES (?)", List.of(category));
                    categoryIds.put(category, (int) id);
                }
            }
            for (SampleCatalog.Product p : SampleCatalog.products(supplierPhotos)) {
                if (sourceImageColumn) {
                    insert(c, """
                            INSERT INTO Products (ProductName, Description, CategoryID, Tags, Price, ImageUrl, SourceImageUrl)
                            VALUES (?, ?, ?, ?, ?, ?, ?)""", java.util.Arrays.asList(p.name(), p.description(),
                            categoryIds.get(p.category()), p.tags(), p.price(), p.imageUrl(), p.sourceImageUrl()));
                } else {
                    insert(c, """
                            INSERT INTO Products (ProductName, Description, CategoryID, Tags, Price, ImageUrl)
                            VALUES (?, ?, ?, ?, ?, ?)""", java.util.Arrays.asList(p.name(), p.description(),
                            categoryIds.get(p.category()), p.tags(), p.price(), p.imageUrl()));
                }
            }
            return null;
        });
    }

    @Override
    public void close() {
        for (Connection connection : opened) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // best effort, as below
            }
        }
        try {
            keeper.close();
        } catch (SQLException ignored) {
            // closing is best effort; an in-memory database vanishes with its last connection anyway
        }
    }
}
