package com.catalogimage.runner.faults;

import com.catalogimage.contracts.KafkaClientEnvironment;
import com.catalogimage.contracts.ProductStatus.State;
import com.catalogimage.localstack.LocalStack;
import com.catalogimage.localstack.imageapi.ImageApiEmulator;
import com.catalogimage.localstack.kafka.EmbeddedKafka;
import com.catalogimage.runner.ServiceProcesses.Service;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** The trust boundary's scenarios: n. */
final class SecurityScenarios {

    /** The line Kafka's client logs when the broker refuses a login (NetworkClient, at ERROR). */
    private static final Pattern AUTHENTICATION_FAILED =
            Pattern.compile("failed authentication|Authentication failed", Pattern.CASE_INSENSITIVE);

    private SecurityScenarios() {
    }

    /**
     * n. Every client on the broker's SASL_SSL listener (SCRAM-SHA-512 over TLS, one user per service); mid-run the
     * uploader is restarted with a wrong password: it must stop (readiness DOWN, a log line saying the login failed,
     * never the password), lose nothing while the images wait in Kafka, and go on once restarted with the right one.
     */
    static FaultScenario saslSslWithAWrongPassword() {
        String wrong = "wrong-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(8));
        Service victim = Service.BLOB_UPLOADER;
        long[] logFrom = new long[1];
        String[] refusal = new String[1];
        return FaultScenario.named("n", "SASL_SSL (SCRAM-SHA-512) throughout; the uploader restarted with a wrong password")
                .stack(LocalStack.KAFKA_SECURITY, EmbeddedKafka.Security.SASL_SSL.name())
                .setup(run -> {
                    run.stack().imageApi().configure(ImageApiEmulator.Config.change()
                            .withLatency(Scenarios.MODEL_LATENCY).withJitter(Duration.ofMillis(500)));
                    String secured = run.stack().kafka().saslSslBootstrapServers();
                    for (Service service : run.runner.services().services()) {
                        String bootstrap = run.runner.services().variable(service, KafkaClientEnvironment.BOOTSTRAP_SERVERS);
                        String protocol = run.runner.services().variable(service, KafkaClientEnvironment.SECURITY_PROTOCOL);
                        if (!secured.equals(bootstrap) || !"SASL_SSL".equals(protocol)) {
                            run.fail(service.module + " is not pointed at the SASL_SSL listener: " + protocol + " " + bootstrap);
                        }
                    }
                    run.note("every service and the runner's status reader on SASL_SSL " + secured + ", one SCRAM user each");
                })
                .midRun(30, run -> {
                    logFrom[0] = size(run.runner.services().logFile(victim));
                    int storedBefore = stored(run);
                    run.log("restarting " + victim.module + " with a wrong Kafka password");
                    run.runner.services().restart(victim, Map.of(KafkaClientEnvironment.SASL_PASSWORD, wrong));
                    boolean down = FaultRun.awaitCondition(() -> readiness(run, victim) == 503, Duration.ofMinutes(2));
                    if (!down) {
                        run.fail(victim.module + " with a wrong password did not report readiness DOWN within 2 min");
                    }
                    boolean said = FaultRun.awaitCondition(() -> {
                        refusal[0] = firstMatch(run.runner.services().logFile(victim), logFrom[0]).orElse(null);
                        return refusal[0] != null;
                    }, Duration.ofMinutes(1));
                    if (!said) {
                        run.fail(victim.module + " logged no line saying its Kafka login failed");
                    }
                    // Long enough for a stage that gets past the refusal to do something wrong.
                    FaultRun.pause(Duration.ofSeconds(20));
                    int storedWhileRefused = stored(run) - storedBefore;
                    run.note("while refused: readiness " + (down ? "DOWN" : "up") + ", " + storedWhileRefused
                            + " stored after the restart (only what the old process had finished)");
                    String right = run.stack().kafka().scramPassword(victim.module);
                    run.runner.services().restart(victim, Map.of(KafkaClientEnvironment.SASL_PASSWORD, right));
                    if (!FaultRun.awaitCondition(() -> run.runner.services().isReady(victim), Duration.ofMinutes(3))) {
                        run.fail(victim.module + " not ready within 3 min of its restart with the right password");
                    }
                    run.log(victim.module + " restarted with the right password and ready");
                })
                .check((run, observed) -> {
                    String log = Files.readString(run.runner.services().logFile(victim), StandardCharsets.UTF_8);
                    if (log.contains(wrong)) {
                        run.fail(victim.module + "'s log contains the wrong password");
                    }
                    for (Service service : run.runner.services().services()) {
                        String password = run.stack().kafka().scramPassword(service.module);
                        if (Files.readString(run.runner.services().logFile(service), StandardCharsets.UTF_8).contains(password)) {
                            run.fail(service.module + "'s log contains its Kafka password");
                        }
                    }
                    if (refusal[0] != null) {
                        String said = message(refusal[0]);
                        run.note("the refusal, as logged: " + (said.length() > 200 ? said.substring(0, 200) + "…" : said));
                    }
                });
    }

    private static int stored(FaultRun run) {
        return run.runner.board().eventsSince().getOrDefault(State.STORED, 0);
    }

    private static int readiness(FaultRun run, Service service) {
        try {
            HttpResponse<String> response = run.readiness(service);
            return response.statusCode();
        } catch (IllegalStateException notAnswering) {
            return -1; // still starting
        }
    }

    private static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first line after {@code from} bytes of the log that says a Kafka login failed. */
    private static Optional<String> firstMatch(Path log, long from) {
        try {
            byte[] bytes = Files.readAllBytes(log);
            String tail = new String(bytes, (int) Math.min(from, bytes.length), (int) Math.max(0, bytes.length - from),
                    StandardCharsets.UTF_8);
            return tail.lines().filter(line -> AUTHENTICATION_FAILED.matcher(line).find()).findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The message of a JSON log line, or the line itself. */
    private static String message(String line) {
        var matcher = Pattern.compile("\"message\":\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(line);
        return matcher.find() ? matcher.group(1) : line;
    }
}
