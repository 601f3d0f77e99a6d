package com.catalogimage.deploy;

import com.catalogimage.localstack.dab.SampleCatalog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Renders {@code deploy/sql/003-sample-data.sql} from local-stack's {@link SampleCatalog}, so the compose stack starts
 * with the catalog the tests and the local stack use. {@link SqlScriptsTest} fails when the committed file differs;
 * regenerate it with {@code -Ddeploy.regenerate=true} on that test, or run {@link #main}.
 *
 * <p>T-SQL that H2 (SQL Server mode) runs too: {@code N'...'} literals with quotes doubled; control and invisible
 * characters as {@code NCHAR(n)} (a raw BEL or zero-width space in a script is lost by editors and diff tools); the
 * category by name, since the ids are identity values.
 */
final class SampleDataScript {

    static final String FILE = "deploy/sql/003-sample-data.sql";

    private SampleDataScript() {
    }

    static String render() {
        StringBuilder sql = new StringBuilder();
        sql.append("-- GENERATED from local-stack's SampleCatalog by deploy-validation's SampleDataScript: do not edit.\n")
                .append("-- Regenerate: ./mvnw -B -pl deploy-validation -am test -Dsurefire.failIfNoSpecifiedTests=false ")
                .append("-Dtest=SqlScriptsTest -Ddeploy.regenerate=true\n")
                .append("-- Loaded once into an empty database (deploy/sql/apply.sh): Ids are then 1..")
                .append(SampleCatalog.PRODUCT_COUNT).append(" in this order, as in the local stack.\n\n");
        sql.append("INSERT INTO dbo.Categories (CategoryName) VALUES\n");
        for (int i = 0; i < SampleCatalog.CATEGORIES.size(); i++) {
            sql.append("    (").append(literal(SampleCatalog.CATEGORIES.get(i))).append(')')
                    .append(i + 1 < SampleCatalog.CATEGORIES.size() ? ",\n" : ";\n");
        }
        sql.append("GO\n\n");
        int id = 1;
        for (SampleCatalog.Product p : SampleCatalog.PRODUCTS) {
            sql.append("-- ").append(id++).append(p.quirk() == null ? "" : " (" + p.quirk() + ")").append('\n')
                    .append("INSERT INTO dbo.Products (ProductName, Description, CategoryID, Tags, Price, ImageUrl) VALUES (")
                    .append(literal(p.name())).append(", ")
                    .append(literal(p.description())).append(",\n    ")
                    .append("(SELECT CategoryID FROM dbo.Categories WHERE CategoryName = ").append(literal(p.category()))
                    .append("), ")
                    .append(literal(p.tags())).append(", ")
                    .append(p.price().toPlainString()).append(", ")
                    .append(literal(p.imageUrl())).append(");\n");
        }
        sql.append("GO\n");
        return sql.toString();
    }

    /** {@code N'...'}, or NULL; characters a reader cannot see become {@code NCHAR(n)}. */
    static String literal(String value) {
        if (value == null) {
            return "NULL";
        }
        StringBuilder out = new StringBuilder();
        StringBuilder run = new StringBuilder();
        value.codePoints().forEach(cp -> {
            if (visible(cp)) {
                run.appendCodePoint(cp);
                if (cp == '\'') {
                    run.append('\'');
                }
            } else {
                if (!run.isEmpty() || out.isEmpty()) {
                    append(out, "N'" + run + "'");
                    run.setLength(0);
                }
                append(out, "NCHAR(" + cp + ")");
            }
        });
        if (!run.isEmpty() || out.isEmpty()) {
            append(out, "N'" + run + "'");
        }
        return out.toString();
    }

    private static void append(StringBuilder out, String part) {
        if (!out.isEmpty()) {
            out.append(" + ");
        }
        out.append(part);
    }

    private static boolean visible(int cp) {
        int type = Character.getType(cp);
        return cp >= 0x20 && type != Character.CONTROL && type != Character.FORMAT && type != Character.UNASSIGNED;
    }

    public static void main(String[] args) throws Exception {
        Path root = args.length > 0 ? Path.of(args[0]) : Path.of(".");
        Files.writeString(root.resolve(FILE), render(), StandardCharsets.UTF_8);
    }
}
