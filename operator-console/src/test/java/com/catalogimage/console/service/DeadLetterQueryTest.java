package com.catalogimage.console.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.catalogimage.console.client.ReplayReport;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeadLetterQueryTest {

    @Test
    void aBrowsersLocalTimeIsReadAsUtcAndAnInstantAsItIs() {
        DeadLetterQuery query = DeadLetterQuery.of(" CONTENT_POLICY ", "", "2026-12-01T10:15", "2026-12-02T08:00:00+01:00");
        assertThat(query).isEqualTo(new DeadLetterQuery("CONTENT_POLICY", null, "2026-12-01T10:15:00Z",
                "2026-12-02T07:00:00Z"));
    }

    @Test
    void aTimeThatCannotBeReadIsAnError() {
        assertThatThrownBy(() -> DeadLetterQuery.of(null, null, null, "tomorrow"))
                .hasMessageContaining("until must be a date and time");
    }

    @Test
    void theReplaySummaryCountsAndQuotesTheRefusals() {
        ReplayReport report = new ReplayReport(1, 1, 1, 0, List.of(
                new ReplayReport.Result("3-17", 42L, "REPLAYED", "replay-3-17", null),
                new ReplayReport.Result("0-5", 43L, "ALREADY_REPLAYED", "replay-0-5", null),
                new ReplayReport.Result("1-2", 44L, "REFUSED", null, "product 44 is COMPLETED")));
        assertThat(DeadLetterActions.summary(report))
                .isEqualTo("Replayed 1, already replayed 1, refused 1 (1-2: product 44 is COMPLETED)");
    }
}
