package com.catalogimage.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import com.catalogimage.localstack.http.Ports;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The four stages and the operator console, each a separate JVM started from its packaged application, as they run in
 * production.
 */
public final class ServiceProcesses implements AutoCloseable {

    /** The services, with their usual ports. */
    public enum Service {
        PRODUCT_SCANNER("product-scanner", 8081, true, 64),
        IMAGE_GENERATOR("image-generator", 8082, true, 128),
        BLOB_UPLOADER("blob-uploader", 8083, true, 128),
        CATALOG_UPDATER("catalog-updater", 8084, true, 64),
        /** The operators' web console: it watches and steers the stages and does none of a product's work itself. */
        OPERATOR_CONSOLE("operator-console", 8085, false, 128);

        public final String module;
        public final int defaultPort;
        /** Whether a product's work passes through it (the four stages); the console only watches and steers. */
        public final boolean stage;
        /** Most heap it may grow to, in MiB: the benchmark's measured peaks with room (docs/benchmarks.md). */
        public final int maxHeapMib;

        Service(String module, int defaultPort, boolean stage, int maxHeapMib) {
            this.module = module;
            this.defaultPort = defaultPort;
            this.stage = stage;
            this.maxHeapMib = maxHeapMib;
        }

        /** The four stages a product's work passes through, in order. */
        public static List<Service> stages() {
            return java.util.Arrays.stream(values()).filter(service -> service.stage).toList();
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /**
     * The JDK keeps, per thread, a direct buffer as large as the largest heap buffer it wrote to or read from a socket;
     * Kafka's fetches of image records made that about 100 MiB of the uploader's memory (docs/benchmarks.md). Larger
     * transfers still work, through a buffer freed after use. The container images set the same.
     */
    static final String NIO_BUFFER_CACHE = "-Djdk.nio.maxCachedBufferSize=262144";

    /**
     * Options added after a service's own ({@link #jvmOptions}), so they win: for one service through its own
     * variables, or for all, to try a flag without a build.
     */
    public static final String JAVA_OPTIONS = "PIPELINE_JAVA_OPTIONS";

    static List<String> extraJvmOptions(String value) {
        return value == null || value.isBlank() ? List.of() : List.of(value.strip().split("\\s+"));
    }

    /**
     * The JVM options a service runs with (docs/decisions/0033; the benchmark's footprint table prints them): the
     * serial collector and a heap that starts small and grows to the service's {@link Service#maxHeapMib} (the JVM's
     * default initial heap, 1/64 of the machine, would commit hundreds of MiB at once); the C1 compiler only, whose
     * compilations cost a fraction of C2's (a third of these services' CPU went to compiling); the buffer cache bound.
     */
    public static List<String> jvmOptions(Service service) {
        return List.of("-XX:+UseSerialGC", "-Xms16m", "-Xmx" + service.maxHeapMib + "m", "-XX:TieredStopAtLevel=1",
                "-Xss512k", NIO_BUFFER_CACHE);
    }

    /**
     * The class-data archive the build writes beside the service ({@code quarkus.package.jar.appcds.enabled}); it holds
     * the class path as the build ran it, so the service is started from its {@code quarkus-app} folder.
     */
    static final String APP_CDS = "app-cds.jsa";

    private final Path repository;
    private final Path logs;
    private final Map<String, String> environment;
    private final Map<Service, Integer> ports;
    private final Map<Service, Map<String, String>> serviceEnvironments;
    private final Map<Service, Process> processes = new EnumMap<>(Service.class);
    /**
     * Extra replicas (1, 2, …) of a service beside the one above (replica 0): same environment, so the same consumer
     * group, each on a port of its own, as a Deployment scaled out. The scanner is not meant to have any (decision 0007).
     */
    private final Map<Service, Map<Integer, Replica>> replicas = new EnumMap<>(Service.class);

    private record Replica(Process process, int port) {
    }

    private ServiceProcesses(Path repository, Path logs, Map<String, String> environment, Map<Service, Integer> ports,
            Map<Service, Map<String, String>> serviceEnvironments) {
        this.repository = repository;
        this.logs = logs;
        this.environment = environment;
        this.ports = ports;
        this.serviceEnvironments = new EnumMap<>(Service.class);
        serviceEnvironments.forEach((service, variables) -> this.serviceEnvironments.put(service, Map.copyOf(variables)));
    }

    /**
     * Starts the services {@code ports} names.
     *
     * @param repository  the checkout, whose {@code <service>/target/quarkus-app} folders hold the built services
     * @param logs        where each service's output goes ({@code <service>.log})
     * @param environment variables every service gets on top of this process's own
     * @param ports       HTTP port per service to start
     */
    public static ServiceProcesses start(Path repository, Path logs, Map<String, String> environment,
            Map<Service, Integer> ports) {
        return start(repository, logs, environment, ports, Map.of());
    }

    /**
     * Starts the services {@code ports} names, some with variables of their own (on top of {@code environment}), for
     * example a generator configured differently from what the other services read.
     */
    public static ServiceProcesses start(Path repository, Path logs, Map<String, String> environment,
            Map<Service, Integer> ports, Map<Service, Map<String, String>> serviceEnvironments) {
        ServiceProcesses services = new ServiceProcesses(repository, logs, environment, ports, serviceEnvironments);
        Runtime.getRuntime().addShutdownHook(new Thread(services::close, "stop-services"));
        for (Service service : services.services()) {
            services.start(service);
        }
        return services;
    }

    /** The services this run has (the four stages, and the console unless the run left it out), in enum order. */
    public List<Service> services() {
        return java.util.Arrays.stream(Service.values()).filter(ports::containsKey).toList();
    }

    /** Starts one service (again). */
    public synchronized void start(Service service) {
        processes.put(service, launch(service, ports.get(service), logFile(service)));
    }

    private Process launch(Service service, int port, Path log) {
        Path app = repository.resolve(service.module).resolve("target/quarkus-app");
        Path jar = app.resolve("quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (./mvnw -B -DskipTests package)");
        }
        try {
            Files.createDirectories(logs);
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmOptions(service));
            if (Files.exists(app.resolve(APP_CDS))) {
                command.add("-XX:SharedArchiveFile=" + APP_CDS);
            }
            command.addAll(extraJvmOptions(variable(service, JAVA_OPTIONS)));
            command.addAll(List.of("-jar", jar.getFileName().toString()));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(app.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            builder.environment().putAll(serviceEnvironments.getOrDefault(service, Map.of()));
            builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
            // glibc's malloc keeps an arena per thread that allocates (up to 8 per core), each holding freed memory
            builder.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + service.module, e);
        }
    }

    /**
     * Starts replica {@code replica} (1 or more; 0 is the service itself) of {@code service} on a free port, with the
     * service's environment: it joins the same consumer group and Kafka shares the partitions out. Its output goes to
     * {@code <service>-<replica>.log}.
     */
    public synchronized void startReplica(Service service, int replica) {
        if (replica < 1) {
            throw new IllegalArgumentException("replica 0 is the service itself: start(" + service + ")");
        }
        Map<Integer, Replica> running = replicas.computeIfAbsent(service, s -> new TreeMap<>());
        Replica old = running.get(replica);
        if (old != null && old.process().isAlive()) {
            throw new IllegalStateException(service.module + " replica " + replica + " is already running");
        }
        int port = Ports.free();
        running.put(replica, new Replica(launch(service, port, replicaLog(service, replica)), port));
    }

    /**
     * Stops one replica (0: the service itself) the way Kubernetes scales a Deployment down: SIGTERM, so that it
     * leaves its consumer group and commits what it finished, then {@code kill -9} after 30 s.
     */
    public synchronized void stopReplica(Service service, int replica) {
        Process process = replica == 0 ? processes.remove(service)
                : Optional.ofNullable(replicas.getOrDefault(service, Map.of()).remove(replica)).map(Replica::process)
                        .orElse(null);
        if (process != null) {
            process.destroy();
            if (!waitFor(process, 30)) {
                process.destroyForcibly();
                waitFor(process, 5);
            }
        }
    }

    /** The replicas of {@code service} whose process runs, 0 (the service itself) included. */
    public synchronized List<Integer> runningReplicas(Service service) {
        List<Integer> running = new ArrayList<>();
        if (isAlive(service)) {
            running.add(0);
        }
        replicas.getOrDefault(service, Map.of()).forEach((replica, r) -> {
            if (r.process().isAlive()) {
                running.add(replica);
            }
        });
        return running;
    }

    /** Whether the replica ({@code 0}: the service itself) answers ready. */
    public boolean isReplicaReady(Service service, int replica) {
        return replica == 0 ? isReady(service) : isReady(replicaUrl(service, replica));
    }

    /** {@code http://127.0.0.1:<port>} of a replica; 0 is the service itself. */
    public synchronized String replicaUrl(Service service, int replica) {
        if (replica == 0) {
            return url(service);
        }
        Replica r = replicas.getOrDefault(service, Map.of()).get(replica);
        if (r == null) {
            throw new IllegalArgumentException(service.module + " has no replica " + replica);
        }
        return "http://127.0.0.1:" + r.port();
    }

    /** Where a replica's output goes ({@code 0}: the service's own log). */
    public Path replicaLog(Service service, int replica) {
        return replica == 0 ? logFile(service) : logs.resolve(service.module + "-" + replica + ".log");
    }

    /** Waits until every service reports ready, or fails naming the ones that are not and where their logs are. */
    public void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Service service : services()) {
            while (!isReady(service)) {
                Process process = processes.get(service);
                if (process != null && !process.isAlive()) {
                    throw new IllegalStateException(service.module + " exited with " + process.exitValue() + "; see "
                            + logs.resolve(service.module + ".log"));
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(service.module + " not ready after " + timeout.toSeconds() + " s; see "
                            + logs.resolve(service.module + ".log"));
                }
                sleep(250);
            }
        }
        for (Service service : services()) {
            for (int replica : runningReplicas(service)) {
                while (replica > 0 && !isReplicaReady(service, replica)) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException(service.module + " replica " + replica + " not ready after "
                                + timeout.toSeconds() + " s; see " + replicaLog(service, replica));
                    }
                    sleep(250);
                }
            }
        }
    }

    public boolean isReady(Service service) {
        return isReady(url(service));
    }

    private static boolean isReady(String base) {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public String url(Service service) {
        return "http://127.0.0.1:" + ports.get(service);
    }

    /** Kills a service the hard way ({@code kill -9}), as a crash would. */
    public synchronized void kill(Service service) {
        Process process = processes.remove(service);
        if (process != null) {
            process.destroyForcibly();
            waitFor(process, 10);
        }
    }

    /**
     * Stops a service as Kubernetes does: SIGTERM, then at most {@code grace} for it to exit by itself, then
     * {@code kill -9}. Returns how long it took to exit by itself; empty when it had to be killed or did not run.
     */
    public synchronized Optional<Duration> stop(Service service, Duration grace) {
        Process process = processes.remove(service);
        if (process == null) {
            return Optional.empty();
        }
        long started = System.nanoTime();
        process.destroy();
        try {
            if (process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                return Optional.of(Duration.ofNanos(System.nanoTime() - started));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.destroyForcibly();
        waitFor(process, 10);
        return Optional.empty();
    }

    /** Restarts a service after a crash or a stop, with the same port and environment; kills it first if it runs. */
    public synchronized void restart(Service service) {
        kill(service);
        start(service);
    }

    /**
     * Restarts a service with some of its own variables changed (a wrong Kafka password, then the right one); later
     * restarts keep them.
     */
    public synchronized void restart(Service service, Map<String, String> variables) {
        Map<String, String> changed = new java.util.HashMap<>(serviceEnvironments.getOrDefault(service, Map.of()));
        changed.putAll(variables);
        serviceEnvironments.put(service, Map.copyOf(changed));
        restart(service);
    }

    /** A variable the service was started with: its own, else the one every service gets. */
    public synchronized String variable(Service service, String name) {
        return serviceEnvironments.getOrDefault(service, Map.of()).getOrDefault(name, environment.get(name));
    }

    /** The service's running process, for a benchmark's CPU, memory and start-up figures. */
    public synchronized Optional<ProcessHandle> processHandle(Service service) {
        Process process = processes.get(service);
        return process != null && process.isAlive() ? Optional.of(process.toHandle()) : Optional.empty();
    }

    /** Whether the service's process runs (it may not be ready yet). */
    public synchronized boolean isAlive(Service service) {
        Process process = processes.get(service);
        return process != null && process.isAlive();
    }

    /** Where the service's output goes. */
    public Path logFile(Service service) {
        return logs.resolve(service.module + ".log");
    }

    /** Stops every service gracefully (SIGTERM lets them commit offsets and flush), then forcibly. */
    @Override
    public synchronized void close() {
        List<Process> all = new ArrayList<>(processes.values());
        replicas.values().forEach(running -> running.values().forEach(r -> all.add(r.process())));
        all.forEach(Process::destroy);
        all.forEach(process -> {
            if (!waitFor(process, 15)) {
                process.destroyForcibly();
                waitFor(process, 5);
            }
        });
        processes.clear();
        replicas.clear();
    }

    private static boolean waitFor(Process process, int seconds) {
        try {
            return process.waitFor(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
