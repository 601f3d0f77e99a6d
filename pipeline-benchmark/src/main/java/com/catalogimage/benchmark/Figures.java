package com.catalogimage.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Small measurements the parts share: percentiles, a process's CPU time and peak memory, Quarkus's start-up line. */
final class Figures {

    private static final Pattern STARTED_IN = Pattern.compile("started in ([0-9.]+)s");

    private Figures() {
    }

    /** The nearest-rank percentile ({@code p} in 0-100) of the values, in milliseconds; 0 when there are none. */
    static long percentileMillis(List<Duration> values, double p) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Long> sorted = new ArrayList<>(values.stream().map(Duration::toMillis).sorted().toList());
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    /** CPU time the process has used so far (user + system), its children not included. */
    static Duration cpu(ProcessHandle process) {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** The process's peak resident set size in MiB ({@code VmHWM} of /proc/&lt;pid&gt;/status), if this is Linux. */
    static Optional<Double> peakRssMib(ProcessHandle process) {
        return procStatusKib(process.pid(), "VmHWM:").map(kib -> kib / 1024.0);
    }

    /** The process's resident set size now in MiB ({@code VmRSS}). */
    static Optional<Double> rssMib(ProcessHandle process) {
        return procStatusKib(process.pid(), "VmRSS:").map(kib -> kib / 1024.0);
    }

    private static Optional<Long> procStatusKib(long pid, String field) {
        Path status = Path.of("/proc", String.valueOf(pid), "status");
        try (Stream<String> lines = Files.lines(status)) {
            return lines.filter(line -> line.startsWith(field))
                    .map(line -> Long.parseLong(line.substring(field.length()).replace("kB", "").strip()))
                    .findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Quarkus's own figure from a service log: "... started in 2.345s ...", the last one logged. */
    static Optional<Double> quarkusStartSeconds(Path log) {
        try (Stream<String> lines = Files.lines(log)) {
            Double last = null;
            for (String line : (Iterable<String>) lines::iterator) {
                Matcher matcher = STARTED_IN.matcher(line);
                if (matcher.find()) {
                    last = Double.parseDouble(matcher.group(1));
                }
            }
            return Optional.ofNullable(last);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
