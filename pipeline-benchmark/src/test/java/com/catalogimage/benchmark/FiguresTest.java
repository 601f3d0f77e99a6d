package com.catalogimage.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FiguresTest {

    @Test
    void percentilesAreNearestRank() {
        List<Duration> values = IntStream.rangeClosed(1, 100).mapToObj(Duration::ofMillis).toList();
        assertThat(Figures.percentileMillis(values, 50)).isEqualTo(50);
        assertThat(Figures.percentileMillis(values, 95)).isEqualTo(95);
        assertThat(Figures.percentileMillis(values, 100)).isEqualTo(100);
        assertThat(Figures.percentileMillis(List.of(Duration.ofMillis(7)), 95)).isEqualTo(7);
        assertThat(Figures.percentileMillis(List.of(), 50)).isZero();
    }

    @Test
    void percentilesDoNotDependOnOrder() {
        List<Duration> shuffled = List.of(Duration.ofSeconds(9), Duration.ofSeconds(1), Duration.ofSeconds(5),
                Duration.ofSeconds(3), Duration.ofSeconds(7));
        assertThat(Figures.percentileMillis(shuffled, 50)).isEqualTo(5000);
    }

    @Test
    void quarkusStartIsTheLastStartedInLine(@TempDir Path dir) throws IOException {
        Path log = dir.resolve("service.log");
        Files.writeString(log, """
                {"message":"image-generator 0.1.0-SNAPSHOT on JVM (powered by Quarkus 3.34.1) started in 5.123s."}
                something else
                INFO  [io.quarkus] blob-uploader 0.1.0-SNAPSHOT on JVM (powered by Quarkus 3.34.1) started in 2.5s. Listening on
                """);
        assertThat(Figures.quarkusStartSeconds(log)).contains(2.5);
        assertThat(Figures.quarkusStartSeconds(dir.resolve("missing.log"))).isEmpty();
    }

    @Test
    void thePeakRssCoversMemoryThisProcessHasJustTouched() {
        // Not "peak >= an earlier VmRSS": the kernel updates its high-water mark lazily, so a later VmHWM
        // can read below an earlier VmRSS once memory is given back. Memory still held is always counted.
        ProcessHandle self = ProcessHandle.current();
        double before = Figures.peakRssMib(self).orElseThrow();
        ByteBuffer touched = ByteBuffer.allocateDirect(64 * 1024 * 1024);
        for (int page = 0; page < touched.capacity(); page += 4096) {
            touched.put(page, (byte) 1);
        }
        assertThat(Figures.peakRssMib(self)).hasValueSatisfying(peak -> assertThat(peak).isGreaterThanOrEqualTo(before + 60));
        assertThat(Figures.rssMib(self)).hasValueSatisfying(now -> assertThat(now).isGreaterThanOrEqualTo(60));
        assertThat(touched.get(0)).isEqualTo((byte) 1);
        assertThat(Figures.cpu(self)).isPositive();
    }

    @Test
    void concurrencyCoversTheCallsInFlightAtTheLimit() {
        // 60/min = 1 call/s, each up to 10 s: 10 in flight, plus a fifth and one.
        assertThat(QuotaRun.concurrencyFor(1, 60, Duration.ofSeconds(8), Duration.ofSeconds(2))).isEqualTo(13);
        assertThat(QuotaRun.concurrencyFor(3, 60, Duration.ofSeconds(8), Duration.ofSeconds(2))).isEqualTo(39);
    }
}
