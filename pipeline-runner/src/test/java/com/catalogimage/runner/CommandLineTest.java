package com.catalogimage.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandLineTest {

    @Test
    void reviewIsAutoUnlessAskedForAndManualReachesEveryServicesEnvironment() {
        assertThat(CommandLine.parse(new String[] {"--once"}, Map.of()).options().reviewMode()).isEqualTo("auto");
        CommandLine manual = CommandLine.parse(new String[] {"--once", "--review", "manual"}, Map.of());
        assertThat(manual.options().reviewMode()).isEqualTo("manual");
        assertThat(manual.options().environment()).containsEntry(PipelineRunner.REVIEW_MODE, "manual");
        assertThat(CommandLine.parse(new String[0], Map.of(PipelineRunner.REVIEW_MODE, "manual")).options().reviewMode())
                .isEqualTo("manual");
    }

    @Test
    void aReviewModeOtherThanAutoOrManualIsRefused() {
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"--review", "yes"}, Map.of()))
                .hasMessageContaining("auto or manual");
        assertThatThrownBy(() -> CommandLine.parse(new String[0], Map.of(PipelineRunner.REVIEW_MODE, "Manual")))
                .hasMessageContaining("auto or manual");
    }

    @Test
    void theQualityCheckReachesEveryServicesEnvironmentAndOnlyItsThreeModesAreTaken() {
        assertThat(CommandLine.parse(new String[] {"--quality-check", "enforce"}, Map.of()).options().environment())
                .containsEntry(CommandLine.QUALITY_CHECK, "enforce");
        assertThat(CommandLine.parse(new String[0], Map.of(CommandLine.QUALITY_CHECK, "off")).options().environment())
                .containsEntry(CommandLine.QUALITY_CHECK, "off");
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"--quality-check", "strict"}, Map.of()))
                .hasMessageContaining("off, advisory or enforce");
        assertThat(CommandLine.USAGE).contains("--quality-check off|advisory|enforce");
    }

    @Test
    void variantsReachEveryServicesEnvironmentAsOneToFourAndRestyleIsAskedForByName() {
        assertThat(CommandLine.parse(new String[] {"--variants", "3"}, Map.of()).options().environment())
                .containsEntry(CommandLine.IMAGE_VARIANTS, "3");
        assertThat(CommandLine.parse(new String[0], Map.of(CommandLine.IMAGE_VARIANTS, " 2 ")).options().environment())
                .containsEntry(CommandLine.IMAGE_VARIANTS, "2");
        for (String bad : new String[] {"0", "5", "two"}) {
            assertThatThrownBy(() -> CommandLine.parse(new String[] {"--variants", bad}, Map.of()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1, 2, 3 or 4");
        }
        assertThat(CommandLine.parse(new String[] {"--restyle"}, Map.of()).options().environment())
                .containsEntry(PipelineRunner.RESTYLE_LOCAL_SUPPLIER_PHOTOS, "true");
        assertThat(CommandLine.parse(new String[0], Map.of()).options().environment())
                .doesNotContainKey(PipelineRunner.RESTYLE_LOCAL_SUPPLIER_PHOTOS);
    }

    @Test
    void theHelpListsTheReviewOptionAndTheConsole() {
        assertThat(CommandLine.USAGE).contains("--review auto|manual").contains("http://localhost:8085")
                .contains("CONSOLE_OPERATOR_PASSWORD");
    }

    @Test
    void theConsoleRunsUnlessARunLeavesItOut() {
        PipelineRunner.Options options = CommandLine.parse(new String[0], Map.of()).options();
        assertThat(options.console()).isTrue();
        assertThat(options.withoutConsole().console()).isFalse();
    }
}
