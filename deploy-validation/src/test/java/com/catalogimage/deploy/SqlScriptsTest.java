package com.catalogimage.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.catalogimage.localstack.dab.SampleCatalog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * deploy/sql on H2 in SQL Server mode: schema and sample data run as written; procedures, which H2 cannot run, are
 * checked as text against what dab-config.json and the services expect of them.
 */
class SqlScriptsTest {

    static final List<String> SCRIPTS = List.of("deploy/sql/001-schema.sql", "deploy/sql/002-procedures.sql",
            "deploy/sql/003-sample-data.sql");
    private static final Pattern PROCEDURE = Pattern.compile(
            "CREATE\\s+OR\\s+ALTER\\s+PROCEDURE\\s+(?:dbo\\.)?(\\w+)(.*?)\\bAS\\s+BEGIN", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern PARAMETER = Pattern.compile("@(\\w+)\\s+([A-Z]+(?:\\s*\\([^)]*\\))?)(\\s*=\\s*[^,]+)?",
            Pattern.CASE_INSENSITIVE);

    /** T-SQL batches: the text between lines that hold only GO. */
    static List<String> batches(String script) {
        return Arrays.stream(script.split("(?im)^\\s*GO\\s*$")).map(String::trim)
                .filter(b -> !b.lines().allMatch(l -> l.isBlank() || l.trim().startsWith("--"))).toList();
    }

    /**
     * An H2 database standing in for SQL Server: SQL Server mode plus the SQL Server built-ins the scripts use that H2
     * lacks (schema dbo, SYSDATETIME(), NCHAR()), provided as H2 aliases of the same meaning.
     */
    static Connection sqlServerLikeH2() throws SQLException {
        Connection c = new org.h2.Driver().connect("jdbc:h2:mem:deploy-sql-" + System.nanoTime()
                + ";MODE=MSSQLServer;DATABASE_TO_UPPER=FALSE", new java.util.Properties());
        try (Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA dbo");
            s.execute("CREATE ALIAS SYSDATETIME FOR \"java.time.LocalDateTime.now()\"");
            s.execute("CREATE ALIAS NCHAR FOR \"java.lang.Character.toString(int)\"");
        }
        return c;
    }

    static Connection applied() throws SQLException {
        Connection c = sqlServerLikeH2();
        try (Statement s = c.createStatement()) {
            for (String script : SCRIPTS) {
                for (String batch : batches(Repo.read(script))) {
                    if (batch.matches("(?is)(--[^\\n]*\\n\\s*)*CREATE\\s+OR\\s+ALTER\\s+PROCEDURE.*")) {
                        continue; // T-SQL procedure bodies: checked as text below
                    }
                    try {
                        s.execute(batch);
                    } catch (SQLException e) {
                        throw new AssertionError(script + " fails on H2 (SQL Server mode): " + e.getMessage() + "\n" + batch, e);
                    }
                }
            }
        }
        return c;
    }

    @Test
    void schemaAndSampleDataLoadTheSampleCatalog() throws Exception {
        try (Connection c = applied(); Statement s = c.createStatement()) {
            Map<Integer, String> categories = new LinkedHashMap<>();
            try (ResultSet r = s.executeQuery("SELECT CategoryID, CategoryName FROM dbo.Categories ORDER BY CategoryID")) {
                while (r.next()) {
                    categories.put(r.getInt(1), r.getString(2));
                }
            }
            assertThat(List.copyOf(categories.values())).isEqualTo(SampleCatalog.CATEGORIES);
            List<SampleCatalog.Product> rows = new ArrayList<>();
            try (ResultSet r = s.executeQuery("SELECT Id, ProductName, Description, CategoryID, Tags, Price, ImageUrl, CreatedAt"
                    + " FROM dbo.Products ORDER BY Id")) {
                int expectedId = 1;
                while (r.next()) {
                    assertThat(r.getInt("Id")).isEqualTo(expectedId++);
                    assertThat(r.getTimestamp("CreatedAt")).as("CreatedAt default").isNotNull();
                    rows.add(new SampleCatalog.Product(r.getString("ProductName"), r.getString("Description"),
                            categories.get(r.getInt("CategoryID")), r.getString("Tags"), r.getBigDecimal("Price"),
                            r.getString("ImageUrl"), null));
                }
            }
            List<SampleCatalog.Product> expected = SampleCatalog.PRODUCTS.stream()
                    .map(p -> new SampleCatalog.Product(p.name(), p.description(), p.category(), p.tags(), p.price(), p.imageUrl(), null))
                    .toList();
            assertThat(rows).hasSize(SampleCatalog.PRODUCT_COUNT).isEqualTo(expected);
        }
    }

    @Test
    void theSchemaIsTheSeeds() throws Exception {
        try (Connection c = applied(); Statement s = c.createStatement()) {
            assertThat(columns(s, "Products")).containsExactly("Id", "ProductName", "Description", "CategoryID", "Tags",
                    "Price", "ImageUrl", "CreatedAt");
            assertThat(columns(s, "Categories")).containsExactly("CategoryID", "CategoryName");
            // ImageUrl NOT NULL and the foreign key hold
            assertThat(fails(s, "INSERT INTO dbo.Products (ProductName, Description, CategoryID, Price, ImageUrl)"
                    + " VALUES (N'x', N'y', 1, 1.00, NULL)")).isTrue();
            assertThat(fails(s, "INSERT INTO dbo.Products (ProductName, Description, CategoryID, Price, ImageUrl)"
                    + " VALUES (N'x', N'y', 999, 1.00, N'')")).isTrue();
        }
    }

    /**
     * 005 adds the optional alt text column where it is missing and does nothing where it is there: its guard is SQL
     * Server's (COL_LENGTH, which H2 lacks), so the guard is checked as text and the ALTER it protects is run on H2, twice
     * behind the same check done by hand.
     */
    @Test
    void theAltTextMigrationAddsANullableColumnOnce() throws Exception {
        String script = Repo.read("deploy/sql/005-image-alt-text.sql");
        List<String> batches = batches(script);
        assertThat(batches).hasSize(1);
        Matcher m = Pattern.compile("IF COL_LENGTH\\(N'dbo\\.Products', N'ImageAltText'\\) IS NULL\\s+(ALTER TABLE[^;]+);")
                .matcher(batches.get(0));
        assertThat(m.find()).as("guarded by COL_LENGTH: " + batches.get(0)).isTrue();
        try (Connection c = applied(); Statement s = c.createStatement()) {
            for (int run = 0; run < 2; run++) {
                if (!columns(s, "Products").contains("ImageAltText")) {
                    s.execute(m.group(1));
                }
            }
            assertThat(columns(s, "Products")).containsExactly("Id", "ProductName", "Description", "CategoryID", "Tags",
                    "Price", "ImageUrl", "CreatedAt", "ImageAltText");
            try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM dbo.Products WHERE ImageAltText IS NULL")) {
                r.next();
                assertThat(r.getInt(1)).as("existing rows have none").isEqualTo(SampleCatalog.PRODUCT_COUNT);
            }
            assertThat(fails(s, "UPDATE dbo.Products SET ImageAltText = N'" + "x".repeat(126) + "' WHERE Id = 1"))
                    .as("NVARCHAR(125)").isTrue();
        }
        assertThat(Repo.read("deploy/sql/apply.sh")).as("applied every time, before the grants that name the column")
                .containsSubsequence("005-image-alt-text.sql", "004-dab-login.sql");
    }

    /** 006 adds the optional reference photo column where it is missing, as 005 does for the alt text. */
    @Test
    void theSourceImageMigrationAddsANullableColumnOnce() throws Exception {
        List<String> batches = batches(Repo.read("deploy/sql/006-source-image-url.sql"));
        assertThat(batches).hasSize(1);
        Matcher m = Pattern.compile("IF COL_LENGTH\\(N'dbo\\.Products', N'SourceImageUrl'\\) IS NULL\\s+(ALTER TABLE[^;]+);")
                .matcher(batches.get(0));
        assertThat(m.find()).as("guarded by COL_LENGTH: " + batches.get(0)).isTrue();
        try (Connection c = applied(); Statement s = c.createStatement()) {
            for (int run = 0; run < 2; run++) {
                if (!columns(s, "Products").contains("SourceImageUrl")) {
                    s.execute(m.group(1));
                }
            }
            assertThat(columns(s, "Products")).endsWith("SourceImageUrl").doesNotHaveDuplicates();
            try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM dbo.Products WHERE SourceImageUrl IS NULL")) {
                r.next();
                assertThat(r.getInt(1)).as("existing rows have none").isEqualTo(SampleCatalog.PRODUCT_COUNT);
            }
            assertThat(fails(s, "UPDATE dbo.Products SET SourceImageUrl = N'" + "x".repeat(1001) + "' WHERE Id = 1"))
                    .as("NVARCHAR(1000)").isTrue();
        }
        assertThat(Repo.read("deploy/sql/apply.sh")).as("applied every time, after 005, before the grants")
                .containsSubsequence("005-image-alt-text.sql", "006-source-image-url.sql", "004-dab-login.sql");
    }

    static List<String> columns(Statement s, String table) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet r = s.executeQuery("SELECT COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = 'dbo'"
                + " AND TABLE_NAME = '" + table + "' ORDER BY ORDINAL_POSITION")) {
            while (r.next()) {
                names.add(r.getString(1));
            }
        }
        return names;
    }

    private static boolean fails(Statement s, String sql) {
        try {
            s.execute(sql);
            return false;
        } catch (SQLException e) {
            return true;
        }
    }

    @Test
    void theSampleDataScriptIsGeneratedFromSampleCatalog() throws Exception {
        String rendered = SampleDataScript.render();
        if (Boolean.getBoolean("deploy.regenerate")) {
            Files.writeString(Repo.path(SampleDataScript.FILE), rendered, StandardCharsets.UTF_8);
        }
        assertThat(Repo.read(SampleDataScript.FILE)).as(SampleDataScript.FILE + " drifted from SampleCatalog; regenerate it"
                + " (-Ddeploy.regenerate=true)").isEqualTo(rendered);
    }

    /** Procedure name -> parameter name -> declaration (type and default), parsed from 002-procedures.sql. */
    static Map<String, Map<String, String>> procedures() {
        Map<String, Map<String, String>> procs = new LinkedHashMap<>();
        Matcher m = PROCEDURE.matcher(Repo.read("deploy/sql/002-procedures.sql"));
        while (m.find()) {
            Map<String, String> params = new LinkedHashMap<>();
            Matcher p = PARAMETER.matcher(m.group(2));
            while (p.find()) {
                params.put(p.group(1), (p.group(2) + (p.group(3) == null ? "" : p.group(3))).trim().toUpperCase(Locale.ROOT));
            }
            procs.put(m.group(1), params);
        }
        return procs;
    }

    @Test
    void theProceduresAreTheSeeds() {
        Map<String, Map<String, String>> procs = procedures();
        assertThat(procs).containsOnlyKeys("GetProducts", "UpdateProductImageUrl", "GetCategories", "InsertProduct");
        assertThat(procs.get("GetProducts")).containsExactly(Map.entry("ProductID", "INT = -1"));
        assertThat(procs.get("UpdateProductImageUrl")).containsOnlyKeys("ProductID", "ImageUrl", "ImageAltText",
                "ExpectedImageUrl");
        assertThat(procs.get("UpdateProductImageUrl").get("ImageAltText")).as("optional: NULL leaves the column as it is")
                .isEqualTo("NVARCHAR(125) = NULL");
        assertThat(procs.get("UpdateProductImageUrl").get("ExpectedImageUrl")).as("optional: NULL is the no-image rule")
                .isEqualTo("NVARCHAR(2000) = NULL");
        assertThat(procs.get("GetCategories")).isEmpty();
        assertThat(procs.get("InsertProduct")).containsKeys("ProductName", "Description", "CategoryID", "Tags", "Price", "ImageUrl");
        String text = Repo.read("deploy/sql/002-procedures.sql");
        assertThat(text).contains("RAISERROR('Product not found.', 16, 1);")
                // no image, or for a restyle (decision 0031) exactly the original it replaces, in the one statement
                .contains("WHERE Id = @ProductID AND (@ExpectedImageUrl IS NULL AND (ImageUrl IS NULL OR LTRIM(RTRIM(ImageUrl)) = N'')\n"
                        + "                                   OR ImageUrl = @ExpectedImageUrl);")
                .contains("@RowsAffected AS RowsAffected");
        // the alt text is written by the same conditional statement, and only where the optional column exists
        assertThat(text).contains("IF @ImageAltText IS NOT NULL AND COL_LENGTH(N'dbo.Products', N'ImageAltText') IS NOT NULL")
                .contains("SET ImageUrl = @ImageUrl, ImageAltText = @ImageAltText\n"
                        + "              WHERE Id = @ProductID AND (@ExpectedImageUrl IS NULL AND (ImageUrl IS NULL OR "
                        + "LTRIM(RTRIM(ImageUrl)) = N'''')\n"
                        + "                                         OR ImageUrl = @ExpectedImageUrl);");
        // the schema is created before the procedures and the data that use it
        assertThat(SCRIPTS).isSorted();
        assertThat(Repo.read("deploy/sql/001-schema.sql").indexOf("dbo.Categories"))
                .isLessThan(Repo.read("deploy/sql/001-schema.sql").indexOf("dbo.Products"));
    }

    /** {@code GRANT <permission> ON OBJECT::dbo.<object> [(<columns>)] TO [<principal>];} */
    private static final Pattern GRANT = Pattern.compile(
            "GRANT\\s+(\\w+)\\s+ON\\s+OBJECT::dbo\\.(\\w+)\\s*(?:\\(([^)]*)\\))?\\s+TO\\s+\\[(\\w+)]\\s*;",
            Pattern.CASE_INSENSITIVE);

    @Test
    void dabsLoginIsGrantedExactlyWhatItsConfigurationExposes() throws Exception {
        String script = Repo.read("deploy/sql/004-dab-login.sql");
        java.util.Set<String> granted = new java.util.TreeSet<>();
        Matcher m = GRANT.matcher(script);
        while (m.find()) {
            assertThat(m.group(4)).isEqualTo("catalog_dab");
            granted.add(m.group(1).toUpperCase(Locale.ROOT) + " " + m.group(2)
                    + (m.group(3) == null ? "" : "(" + m.group(3).replace(" ", "") + ")"));
        }
        // expected from dab-config.json: what each entity lets any role do
        java.util.Set<String> expected = new java.util.TreeSet<>();
        var dab = Repo.JSON.readTree(Repo.read("deploy/dab/dab-config.json"));
        dab.path("entities").forEach(entity -> {
            String object = entity.at("/source/object").asText().replace("dbo.", "");
            boolean procedure = entity.at("/source/type").asText().equals("stored-procedure");
            entity.path("permissions").forEach(p -> p.path("actions").forEach(a -> {
                String action = a.isTextual() ? a.asText() : a.path("action").asText();
                switch (action) {
                    case "execute" -> expected.add("EXECUTE " + object);
                    case "read" -> expected.add("SELECT " + object);
                    case "update" -> {
                        List<String> fields = new ArrayList<>();
                        a.at("/fields/include").forEach(f -> fields.add(f.asText()));
                        expected.add("UPDATE " + object + (fields.isEmpty() ? "" : "(" + String.join(",", fields) + ")"));
                    }
                    default -> throw new AssertionError(object + ": action " + action + " has no grant mapped here");
                }
                assertThat(procedure).as(object + " " + action).isEqualTo(action.equals("execute"));
            }));
        });
        assertThat(granted).isEqualTo(expected);
        String upper = script.lines().filter(l -> !l.trim().startsWith("--"))
                .collect(java.util.stream.Collectors.joining("\n")).toUpperCase(Locale.ROOT);
        assertThat(upper).as("nothing beyond the object grants").doesNotContain("ALTER ROLE").doesNotContain("SP_ADDROLEMEMBER")
                .doesNotContain("DB_OWNER").doesNotContain("CONTROL").doesNotContain("GRANT ALTER").doesNotContain("GRANT INSERT")
                .doesNotContain("GRANT DELETE").doesNotContain("SYSADMIN").doesNotContain("WITH GRANT OPTION");
        assertThat(script).contains("N'$(DAB_SQL_PASSWORD)'").doesNotContainPattern("PASSWORD\\s*=\\s*N'[^$]");
        assertThat(procedures().keySet()).as("every procedure granted exists")
                .containsAll(granted.stream().filter(g -> g.startsWith("EXECUTE ")).map(g -> g.substring(8)).toList());
    }
}
