package com.catalogimage.localstack.dab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ODataFilterTest {

    private static ODataFilter.Sql compile(String filter) {
        return ODataFilter.compile(filter, TableEntity.PRODUCTS);
    }

    @Test
    void comparisonsBecomeParameterisedSql() {
        ODataFilter.Sql sql = compile("Price gt 2.5 and CategoryID eq 4");
        assertThat(sql.where()).isEqualTo("((\"Price\" > ?) AND (\"CategoryID\" = ?))");
        assertThat(sql.params()).containsExactly(new BigDecimal("2.5"), 4);
    }

    @Test
    void everyOperatorMapsToItsSqlOperator() {
        assertThat(compile("Id eq 1").where()).contains("=");
        assertThat(compile("Id ne 1").where()).contains("<>");
        assertThat(compile("Id gt 1").where()).contains(">");
        assertThat(compile("Id ge 1").where()).contains(">=");
        assertThat(compile("Id lt 1").where()).contains("<");
        assertThat(compile("Id le 1").where()).contains("<=");
    }

    @Test
    void literalOnTheLeftKeepsItsMeaning() {
        assertThat(compile("10 lt Id").where()).isEqualTo("(? < \"Id\")");
        assertThat(compile("null eq Tags").where()).isEqualTo("(\"Tags\" IS NULL)");
    }

    @Test
    void precedenceIsNotThenAndThenOr() {
        ODataFilter.Sql sql = compile("Id eq 1 or Id eq 2 and not Id eq 3");
        assertThat(sql.where()).isEqualTo("((\"Id\" = ?) OR ((\"Id\" = ?) AND (NOT (\"Id\" = ?))))");
        assertThat(compile("(Id eq 1 or Id eq 2) and Price lt 5").where())
                .isEqualTo("(((\"Id\" = ?) OR (\"Id\" = ?)) AND (\"Price\" < ?))");
    }

    @Test
    void nullComparisonsUseIsNull() {
        assertThat(compile("Tags eq null").where()).isEqualTo("(\"Tags\" IS NULL)");
        assertThat(compile("null ne Tags").where()).isEqualTo("(\"Tags\" IS NOT NULL)");
        assertThat(compile("Tags eq null").params()).isEmpty();
    }

    @Test
    void quotesAreUnescapedAndNeverReachTheSql() {
        ODataFilter.Sql sql = compile("ProductName eq 'x'' OR 1=1; DROP TABLE Products; --'");
        assertThat(sql.where()).isEqualTo("(\"ProductName\" = ?)");
        assertThat(sql.params()).containsExactly("x' OR 1=1; DROP TABLE Products; --");
    }

    @Test
    void dateTimeLiteralsCompareWithDateTimeColumns() {
        ODataFilter.Sql sql = compile("CreatedAt lt 2030-01-01T00:00:00Z");
        assertThat(sql.params()).hasSize(1);
        assertThat(sql.params().get(0)).hasToString("2030-01-01T00:00");
    }

    @Test
    void unknownFieldNamesTheField() {
        assertThatThrownBy(() -> compile("Foo eq 1"))
                .isInstanceOf(DabEmulatorException.class)
                .hasMessageContaining("'Foo'")
                .satisfies(e -> assertThat(((DabEmulatorException) e).status()).isEqualTo(400));
    }

    @Test
    void namesAreCaseSensitive() {
        assertThatThrownBy(() -> compile("price eq 1")).hasMessageContaining("'price'");
        assertThatThrownBy(() -> compile("Price EQ 1")).hasMessageContaining("Syntax error");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Price gt", "Price 5", "(Id eq 1", "Id eq 1)", "Id eq 1 and", "eq 1", "Id eq 'abc",
        "Price eq 'abc'", "ProductName eq 5", "Id", "contains(ProductName,'a')", "Id eq 1 ; DROP", "Id eq #"})
    void malformedFiltersAreBadRequests(String filter) {
        assertThatThrownBy(() -> compile(filter))
                .isInstanceOf(DabEmulatorException.class)
                .satisfies(e -> assertThat(((DabEmulatorException) e).code()).isEqualTo("BadRequest"));
    }

    @Test
    void deepNestingIsRefusedNotAStackOverflow() {
        String deep = "(".repeat(5000) + "Id eq 1" + ")".repeat(5000);
        assertThatThrownBy(() -> compile(deep)).isInstanceOf(DabEmulatorException.class);
    }
}
