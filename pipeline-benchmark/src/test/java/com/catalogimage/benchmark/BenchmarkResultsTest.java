package com.catalogimage.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarkResultsTest {

    static BenchmarkResults.Run run() {
        Map<String, Double> cpu = new LinkedHashMap<>();
        cpu.put("blob-uploader", 40.0);
        return new BenchmarkResults.Run(Instant.parse("2026-11-23T04:36:26Z"), "./benchmark",
                new BenchmarkResults.Machine("AMD EPYC", 2, 24105, "Linux", "OpenJDK 17"), 13.3, "8 s ± 2 s",
                List.of(new BenchmarkResults.Quota(1, 60, 60, 13, 300, 180, 180, 60.0, 1.0, 1, 250, 129_500, 243_200, 60,
                                210),
                        new BenchmarkResults.Quota(3, 60, 180, 39, 900, 180, 538, 179.33, 0.996, 3, 752, 130_200, 242_900,
                                40, 100)),
                new BenchmarkResults.Sequential(15, 0, 120, 7.5, 7_500, 10_000),
                new BenchmarkResults.Overhead(5043, 5037, 5, 1, 16, 80.0, 62.96,
                        List.of(new BenchmarkResults.Stage("blob-uploader (STORED)", 5037, 6.7, 79.8, 68.9, 30137, 60968)),
                        cpu, List.of(new BenchmarkResults.Footprint("blob-uploader", 6.98, 10.2, 1.4, 1.9, 668, 668,
                                "-Xmx96m"))),
                new BenchmarkResults.Fresh(5000, 60, 13, 10, 30, 180, 178, 59.33, 0.989, 0, 18, 18, 31_200, 44_800,
                        51_000),
                new BenchmarkResults.Console(5000, 23_214, 5000, 10, 50, 300, 41, 58, 77, 63, 92, 130, 3.21, 6.4, 9.8,
                        402.6));
    }

    @Test
    void theConsolePartShowsEachPagesTimesAgainstTheTargetAndTheFootprint() {
        String text = BenchmarkResults.render(run());
        assertThat(text).contains("### 6. Operator console (5000 products, 23214 statuses, 5000 images");
        assertThat(text).contains("| `GET /` (overview) | 41 | **58** | 77 | ≤ 300 ms |");
        assertThat(text).contains("| `GET /gallery` (first page, 60 cards) | 63 | **92** | 130 | ≤ 300 ms |");
        assertThat(text).contains("| 3.21 | 6.4 | 9.8 | 403 |");
    }

    @Test
    void theFreshPartShowsTheBacklogsRateAndTheFreshLatencies() {
        assertThat(BenchmarkResults.render(run())).contains(
                "| 5000 | 60/min | 10 s | 30 | 180 s | 59.33 | **0.989** | 0 | 18 / 18 | 31.2 / **44.8** / 51.0 |");
    }

    @Test
    void theTablesCarryTheFiguresAndTheRatios() {
        String text = BenchmarkResults.render(run());
        assertThat(text).contains("| 1 x 60/min | 13 | 180 s | 60.00 | **1.000** | 1 | 250 | 129.5 / 243.2 | 0.06 / 0.21 |");
        assertThat(text).contains("| 3 x 60/min | 39 | 180 s | 179.33 | **0.996** |");
        // pipeline ÷ sequential: 60 / 7.5 and 179.33 / 7.5
        assertThat(text).contains("| 15 | 0 | 120 | 7.50 | 7.5 / 10.0 | **8.0** | **23.9** |");
        assertThat(text).contains("**63.0 products/s**");
        assertThat(text).contains("| blob-uploader | 40.0 | 7.94 |");
        // the footprint: all at once, then alone, the peak and the options the service ran with
        assertThat(text).contains("| blob-uploader | 6.98 / 10.2 | 1.40 / **1.90** | **668** | 668 | `-Xmx96m` |");
        assertThat(text).contains("Machine: AMD EPYC, 2 cores, 24105 MiB");
    }

    @Test
    void onlyTheResultsSectionOfTheMarkdownIsReplaced(@TempDir Path dir) throws IOException {
        Path doc = dir.resolve("benchmarks.md");
        Files.writeString(doc, "# Benchmarks\n\nHand-written method.\n\n" + BenchmarkResults.BEGIN + "\nold table\n"
                + BenchmarkResults.END + "\n\nAfter.\n");
        BenchmarkResults.writeMarkdown(run(), doc);
        BenchmarkResults.writeMarkdown(run(), doc);

        String text = Files.readString(doc);
        assertThat(text).startsWith("# Benchmarks\n\nHand-written method.\n\n" + BenchmarkResults.BEGIN + "\n");
        assertThat(text).endsWith(BenchmarkResults.END + "\n\nAfter.\n");
        assertThat(text).doesNotContain("old table");
        assertThat(text.split("Latest run:", -1)).hasSize(2);
    }

    @Test
    void theJsonHoldsEveryPart(@TempDir Path dir) throws IOException {
        Path json = dir.resolve("out/benchmarks.json");
        BenchmarkResults.writeJson(run(), json);
        JsonNode tree = new ObjectMapper().readTree(json.toFile());
        assertThat(tree.path("at").asText()).isEqualTo("2026-11-23T04:36:26Z");
        assertThat(tree.path("quota")).hasSize(2);
        assertThat(tree.path("quota").get(1).path("utilisation").asDouble()).isEqualTo(0.996);
        assertThat(tree.path("sequential").path("imagesPerMinute").asDouble()).isEqualTo(7.5);
        assertThat(tree.path("overhead").path("stages").get(0).path("perSecond").asDouble()).isEqualTo(68.9);
        assertThat(tree.path("console").path("galleryP95Ms").asLong()).isEqualTo(92);
    }
}
