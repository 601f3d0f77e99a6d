package com.catalogimage.updater.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class AltTextColumnTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final AltTextColumn column = new AltTextColumn("ImageAltText", now::get);

    @Test
    void offWhenEmptyOrUnset() {
        assertThat(AltTextColumn.of(Optional.empty()).toSend("A lamp")).isNull();
        assertThat(AltTextColumn.of(Optional.of("  ")).name()).isEmpty();
        assertThat(AltTextColumn.of(Optional.of(" ImageAltText ")).name()).hasValue("ImageAltText");
    }

    @Test
    void aNameThatIsNoPlainIdentifierOrACatalogColumnWeOwnIsRefused() {
        for (String bad : new String[] {"Image Alt", "ImageAltText\",\"ImageUrl", "1st", "ImageUrl", "id", "x".repeat(129)}) {
            assertThatThrownBy(() -> AltTextColumn.of(Optional.of(bad))).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CATALOG_ALT_TEXT_COLUMN");
        }
    }

    @Test
    void theAltTextIsCleanedAgainAndNothingLeftSendsNothing() {
        assertThat(column.toSend("Image of <b>a brass lamp</b> https://evil.example")).isEqualTo("Brass lamp");
        assertThat(column.toSend("<script></script> https://evil.example")).isNull();
        assertThat(column.toSend(null)).isNull();
    }

    @Test
    void onlyDabsValidationAndPermissionRefusalsMayBeTheColumn() {
        assertThat(AltTextColumn.mayBeTheColumn(new DabException(400, "BadRequest", "Invalid request body."))).isTrue();
        assertThat(AltTextColumn.mayBeTheColumn(new DabException(403, "AuthorizationCheckFailed", "x"))).isTrue();
        assertThat(AltTextColumn.mayBeTheColumn(new DabException(400, DabException.DATABASE_OPERATION_FAILED, "x")))
                .as("a database error: the row, not the request").isFalse();
        assertThat(AltTextColumn.mayBeTheColumn(new DabException(404, DabException.ENTITY_NOT_FOUND, "x"))).isFalse();
        assertThat(AltTextColumn.mayBeTheColumn(new DabException(500, "UnexpectedError", "x"))).isFalse();
        assertThat(AltTextColumn.mayBeTheColumn(new DabException(401, "AuthenticationChallenge", "x"))).isFalse();
    }

    @Test
    void aMissingColumnIsLeftOutUntilTheRecheckThenTriedAgain() {
        assertThat(column.foundMissing()).as("news the first time").isTrue();
        assertThat(column.toSend("A lamp")).isNull();
        now.addAndGet(AltTextColumn.RECHECK.toNanos() - 1);
        assertThat(column.toSend("A lamp")).isNull();
        now.addAndGet(1);
        assertThat(column.toSend("A lamp")).as("tried again").isEqualTo("A lamp");
        assertThat(column.foundMissing()).as("still missing: news again, one warning per recheck").isTrue();
        assertThat(column.foundMissing()).as("known already").isFalse();
        column.foundPresent();
        assertThat(column.toSend("A lamp")).isEqualTo("A lamp");
    }
}
