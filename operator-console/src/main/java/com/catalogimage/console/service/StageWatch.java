package com.catalogimage.console.service;

import com.catalogimage.console.client.ConsumerLag;
import com.catalogimage.console.client.HealthAnswer;
import com.catalogimage.console.client.ScanFigures;
import com.catalogimage.console.client.ScannerClient;
import com.catalogimage.console.client.StageClient;
import com.catalogimage.console.client.StageClients;
import com.catalogimage.console.config.ConsoleConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * The other services as the overview shows them, read in the background (every {@code console.stages.refresh}) so a
 * page or a stream tick never waits for a stage: each stage's readiness and why it is down (the failing checks' data,
 * a pause's reason, say), each stage's consumer lag, the scanner's last scan, and the generator's meters (quota use and
 * 429s per deployment, today's paid images from its ledger).
 */
@ApplicationScoped
public class StageWatch {

    private static final Logger LOG = Logger.getLogger(StageWatch.class);

    /** The generator's meters, as Micrometer names them in Prometheus (image-generator: DeploymentPool, ThrottledImageCall, Budget). */
    static final String RPM = "generator_deployment_rpm";
    static final String CALLS = "generator_generation_duration_seconds_count";
    static final String FAILURES = "generator_api_failures_total";
    static final String IMAGES_TODAY = "generator_budget_images_today";
    static final String COST_TODAY = "generator_budget_cost_usd_today";

    /** One stage: reachable at all, ready, why not, and its group's lag ({@code null}: unknown or no group). */
    public record Stage(String name, boolean reachable, boolean up, List<String> reasons, Long lag) {
    }

    /** One deployment of the generator: its quota, calls in the last interval per minute, and 429s. */
    public record Deployment(String name, double rpm, double callsPerMinute, long throttledTotal,
            double throttledPerMinute) {
    }

    /** Everything read in one round. */
    public record Round(List<Stage> stages, List<Deployment> deployments, Long ledgerImagesToday,
            Double ledgerCostToday, ScanFigures scan, Instant at) {
        static final Round NONE = new Round(List.of(), List.of(), null, null, null, null);
    }

    private final StageClients stages;
    private final ConsumerLag lag;
    private final ScannerClient scanner;
    private final Map<String, String> groups;
    private volatile Round round = Round.NONE;
    private Map<String, double[]> previousCalls = Map.of();
    private Instant previousAt;

    public StageWatch(StageClients stages, ConsumerLag lag, @RestClient ScannerClient scanner, ConsoleConfig config) {
        this.stages = stages;
        this.lag = lag;
        this.scanner = scanner;
        this.groups = config.stages().groups();
    }

    /** The last round's figures. */
    public Round round() {
        return round;
    }

    @Scheduled(every = "${console.stages.refresh:5s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        Instant now = Instant.now();
        List<Stage> found = new ArrayList<>();
        String generatorMetrics = null;
        for (var entry : stages.all().entrySet()) {
            found.add(stage(entry.getKey(), entry.getValue()));
            if (entry.getKey().equals("generator")) {
                generatorMetrics = metrics(entry.getValue());
            }
        }
        List<PrometheusText.Sample> samples = PrometheusText.parse(generatorMetrics);
        round = new Round(List.copyOf(found), deployments(samples, now), generatorMetrics == null ? null
                : (long) PrometheusText.sum(samples, IMAGES_TODAY, Map.of()),
                generatorMetrics == null ? null : PrometheusText.sum(samples, COST_TODAY, Map.of()), scan(), now);
    }

    private Stage stage(String name, StageClient client) {
        Long groupLag = null;
        String group = groups.get(name);
        if (group != null) {
            OptionalLong behind = lag.of(group);
            groupLag = behind.isPresent() ? behind.getAsLong() : null;
        }
        try {
            var answer = client.ready();
            HealthAnswer health = answer.getEntity();
            boolean up = answer.getStatus() == 200 && health != null && "UP".equals(health.status());
            return new Stage(name, true, up, reasons(health), groupLag);
        } catch (RuntimeException e) {
            LOG.debugf("Stage %s not reachable: %s", name, e.getMessage());
            return new Stage(name, false, false, List.of("not reachable"), groupLag);
        }
    }

    /** Each failing check by name, with its data (a pause's reason, the failing dependency's answer). */
    static List<String> reasons(HealthAnswer health) {
        if (health == null) {
            return List.of();
        }
        List<String> reasons = new ArrayList<>();
        for (HealthAnswer.Check check : health.checks()) {
            if ("UP".equals(check.status())) {
                continue;
            }
            StringBuilder text = new StringBuilder(String.valueOf(check.name()));
            if (check.data() != null && !check.data().isEmpty()) {
                text.append(": ");
                text.append(String.join(", ", check.data().entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue()).toList()));
            }
            reasons.add(text.toString());
        }
        return reasons;
    }

    private static String metrics(StageClient client) {
        try {
            var answer = client.metrics();
            return answer.getStatus() == 200 ? answer.getEntity() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Quota use per deployment: calls since the last round, per minute, against its rpm; 429s likewise. */
    private synchronized List<Deployment> deployments(List<PrometheusText.Sample> samples, Instant now) {
        Map<String, double[]> calls = new LinkedHashMap<>();
        for (PrometheusText.Sample sample : samples) {
            String deployment = sample.labels().get("deployment");
            if (deployment == null) {
                continue;
            }
            double[] figures = calls.computeIfAbsent(deployment, d -> new double[3]);
            if (sample.name().equals(RPM)) {
                figures[0] = sample.value();
            } else if (sample.name().equals(CALLS)) {
                figures[1] += sample.value();
            } else if (sample.name().equals(FAILURES) && "THROTTLED".equals(sample.labels().get("class"))) {
                figures[2] += sample.value();
            }
        }
        double minutes = previousAt == null ? 0 : Math.max(1e-3, (now.toEpochMilli() - previousAt.toEpochMilli()) / 60_000.0);
        List<Deployment> deployments = new ArrayList<>();
        calls.forEach((name, figures) -> {
            double[] before = previousCalls.get(name);
            double callsPerMinute = before == null || minutes == 0 ? 0 : Math.max(0, figures[1] - before[1]) / minutes;
            double throttledPerMinute = before == null || minutes == 0 ? 0 : Math.max(0, figures[2] - before[2]) / minutes;
            deployments.add(new Deployment(name, figures[0], callsPerMinute, (long) figures[2], throttledPerMinute));
        });
        previousCalls = calls;
        previousAt = now;
        return List.copyOf(deployments);
    }

    private ScanFigures scan() {
        try {
            return scanner.latestScan();
        } catch (WebApplicationException e) {
            if (e.getResponse() == null || e.getResponse().getStatus() != 404) {
                LOG.debugf("The scanner's last scan is not readable: %s", e.getMessage());
            }
            return null;
        } catch (RuntimeException e) {
            LOG.debugf("The scanner is not reachable: %s", e.getMessage());
            return null;
        }
    }
}
