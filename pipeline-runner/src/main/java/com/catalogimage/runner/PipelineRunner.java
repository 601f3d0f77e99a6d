package com.catalogimage.runner;

import com.catalogimage.contracts.KafkaClientEnvironment;
import com.catalogimage.contracts.ProductStatus.State;
import com.catalogimage.localstack.LocalStack;
import com.catalogimage.localstack.http.Ports;
import com.catalogimage.runner.ServiceProcesses.Service;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The main job: the local stack (or the real services the environment names), the four services as separate
 * processes, live progress, and a final report. {@code --once} stops when the catalog is drained; otherwise it runs
 * until Ctrl-C and new products get images as they appear.
 */
public final class PipelineRunner implements AutoCloseable {

    /**
     * @param folder       where the catalog, the blobs, Kafka's data and the logs live
     * @param catalogMode  {@code table} or {@code stored-procedure}
     * @param scanInterval time between the scanner's scans
     * @param usualPorts   the services' and the stack's usual ports (8081-8084, 9092, 10000, 5000, 8090); else free ones
     * @param environment  this process's environment: variables naming real services are passed through
     * @param serviceEnvironments variables for one service only, on top of the rest (the fault tests configure the
     *                     generator this way)
     */
    public record Options(Path folder, String catalogMode, Duration scanInterval, boolean usualPorts,
            Map<String, String> environment, Map<Service, Map<String, String>> serviceEnvironments) {

        public Options(Path folder, String catalogMode, Duration scanInterval, boolean usualPorts,
                Map<String, String> environment) {
            this(folder, catalogMode, scanInterval, usualPorts, environment, Map.of());
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Options options;
    private final Instant started = Instant.now();
    private final LocalStack stack;
    private final ServiceProcesses services;
    private final StatusBoard board;
    private final Map<String, String> serviceEnvironment;

    private PipelineRunner(Options options) {
        this.options = options;
        Path folder = options.folder().toAbsolutePath();
        LocalStack.Settings settings = options.usualPorts()
                ? new LocalStack.Settings(folder, 9092, 10000, 5000, 8090)
                : new LocalStack.Settings(folder, 0, 0, 0, 0);
        stack = LocalStack.start(settings, options.environment());
        try {
            serviceEnvironment = serviceEnvironment(options, stack);
            Map<Service, Integer> ports = new EnumMap<>(Service.class);
            for (Service service : Service.values()) {
                ports.put(service, options.usualPorts() ? service.defaultPort : Ports.free());
            }
            services = ServiceProcesses.start(repository(), folder.resolve("logs"), serviceEnvironment, ports,
                    withKafkaLogins(options.serviceEnvironments(), stack));
            board = new StatusBoard(KafkaClientEnvironment.clientConfig(runnerKafkaEnvironment(serviceEnvironment, stack)),
                    started);
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    public static PipelineRunner start(Options options) {
        return new PipelineRunner(options);
    }

    private static Map<String, String> serviceEnvironment(Options options, LocalStack stack) {
        Map<String, String> env = new HashMap<>(options.environment());
        env.putAll(stack.environment());
        String apiKey = options.environment().get("SCAN_API_KEY");
        if (apiKey == null || apiKey.isBlank()) {
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            apiKey = HexFormat.of().formatHex(random); // this run's own key: never written anywhere
        }
        env.put("SCAN_API_KEY", apiKey);
        env.put("CATALOG_MODE", options.catalogMode());
        env.putIfAbsent("SCAN_INTERVAL", options.scanInterval().toMillis() + "ms");
        if (stack.imageApi() != null) {
            // The emulator has no quota: do not hold the local run to Azure's default 6 requests per minute.
            env.putIfAbsent("AZURE_OPENAI_RPM", "6000");
        }
        // The updater writes only URLs under the public base (decision 0017): the uploader's, i.e. PUBLIC_BASE_URL (a
        // CDN) when set, else its container's URL on the local Azurite or the account named.
        String container = env.getOrDefault("AZURE_STORAGE_CONTAINER", "products");
        String account = stack.azurite() != null ? stack.azurite().blobEndpoint()
                : env.getOrDefault("AZURE_STORAGE_ACCOUNT_URL", blobEndpoint(env.get("AZURE_STORAGE_CONNECTION_STRING")));
        String publicBase = env.get("PUBLIC_BASE_URL");
        if (publicBase != null && !publicBase.isBlank()) {
            env.putIfAbsent("IMAGE_BASE_URL", publicBase);
        } else if (account != null && !account.isBlank()) {
            env.putIfAbsent("IMAGE_BASE_URL", account.replaceAll("/+$", "") + "/" + container);
        }
        if ("stored-procedure".equals(options.catalogMode()) && !options.environment().containsKey("DAB_REST_PATH")) {
            env.put("DAB_REST_PATH", "/rest"); // the seed's DAB configuration
        }
        return env;
    }

    /** The blob endpoint a storage connection string names (its BlobEndpoint, or the account's default), else null. */
    static String blobEndpoint(String connectionString) {
        if (connectionString == null || connectionString.isBlank()) {
            return null;
        }
        Map<String, String> parts = new HashMap<>();
        for (String part : connectionString.split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                parts.put(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
            }
        }
        if (parts.containsKey("BlobEndpoint")) {
            return parts.get("BlobEndpoint");
        }
        String name = parts.get("AccountName");
        return name == null ? null : parts.getOrDefault("DefaultEndpointsProtocol", "https") + "://" + name + ".blob."
                + parts.getOrDefault("EndpointSuffix", "core.windows.net");
    }

    /** The SCRAM user of the runner's own status reader on a secured local broker. */
    static final String RUNNER_KAFKA_USER = "pipeline-runner";

    /**
     * On the local broker's SASL_SSL listener each service logs in as itself (user = its module name), as each has its
     * own {@code KafkaUser} in a cluster; a login a caller gave a service (a wrong password, say) is kept.
     */
    private static Map<Service, Map<String, String>> withKafkaLogins(Map<Service, Map<String, String>> given,
            LocalStack stack) {
        Map<Service, Map<String, String>> merged = new EnumMap<>(Service.class);
        given.forEach((service, variables) -> merged.put(service, new HashMap<>(variables)));
        if (stack.kafka() != null && stack.kafka().secured()) {
            for (Service service : Service.values()) {
                Map<String, String> variables = merged.computeIfAbsent(service, s -> new HashMap<>());
                stack.kafka().credentials(service.module).forEach(variables::putIfAbsent);
            }
        }
        return merged;
    }

    /** What the runner's own Kafka clients read: the services' variables, with the runner's login on a local broker. */
    private static Map<String, String> runnerKafkaEnvironment(Map<String, String> serviceEnvironment, LocalStack stack) {
        Map<String, String> env = new HashMap<>(serviceEnvironment);
        if (stack.kafka() != null && stack.kafka().secured()) {
            env.putAll(stack.kafka().credentials(RUNNER_KAFKA_USER));
        }
        return env;
    }

    /** The checkout: the first folder up from here that holds the service modules. */
    public static Path repository() {
        Path dir = Path.of(System.getProperty("pipeline.home", "")).toAbsolutePath();
        for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
            if (Files.exists(candidate.resolve("product-scanner/pom.xml"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("Run from the repository (no product-scanner/ found above " + dir + ")");
    }

    public LocalStack stack() {
        return stack;
    }

    public ServiceProcesses services() {
        return services;
    }

    public StatusBoard board() {
        return board;
    }

    public Instant started() {
        return started;
    }

    /** Asks the scanner for a scan now and returns its report. */
    public JsonNode scanNow() {
        return operator("POST", "/scans", null, 200);
    }

    /**
     * Calls the scanner's operators' API with this run's key and returns the answer's JSON.
     *
     * @param body     a JSON body, or {@code null} for none
     * @param expected the status code expected; any other one throws
     */
    public JsonNode operator(String method, String path, String body, int expected) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                            URI.create(services.url(Service.PRODUCT_SCANNER) + path))
                    .header("X-API-Key", serviceEnvironment.get("SCAN_API_KEY"))
                    .header("Content-Type", "application/json")
                    .timeout(Duration.ofMinutes(2))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("The scanner did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * Waits until the catalog is drained: a scan finds nothing to request and nothing in flight. Scans are asked for
     * only when the board shows nothing in flight, so a busy pipeline is not disturbed.
     */
    public boolean awaitDrained(Duration timeout, Consumer<String> progress) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long nextLine = 0;
        while (System.nanoTime() < deadline) {
            if (System.nanoTime() >= nextLine) {
                progress.accept(progressLine());
                nextLine = System.nanoTime() + Duration.ofSeconds(2).toNanos();
            }
            if (board.inFlight() == 0) {
                JsonNode scan = scanNow();
                if (scan.path("requested").asInt() == 0 && scan.path("alreadyInFlight").asInt() == 0) {
                    progress.accept(progressLine());
                    return true;
                }
            }
            sleep(1000);
        }
        return false;
    }

    public String progressLine() {
        Map<State, Integer> events = board.eventsSince();
        return String.format("[%4ds] requested %d | generated %d | stored %d | completed %d | skipped %d | dead-lettered %d"
                        + " | in flight %d", Duration.between(started, Instant.now()).toSeconds(),
                events.getOrDefault(State.REQUESTED, 0), events.getOrDefault(State.GENERATED, 0),
                events.getOrDefault(State.STORED, 0), events.getOrDefault(State.COMPLETED, 0),
                events.getOrDefault(State.SKIPPED, 0), events.getOrDefault(State.DEAD_LETTERED, 0), board.inFlight());
    }

    public RunReport report() {
        return RunReport.of(this, CatalogNames.read(serviceEnvironment, options.catalogMode()));
    }

    Map<String, String> serviceEnvironment() {
        return serviceEnvironment;
    }

    Options options() {
        return options;
    }

    @Override
    public void close() {
        if (board != null) {
            board.close();
        }
        if (services != null) {
            services.close();
        }
        stack.close();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    public static void main(String[] args) throws Exception {
        CommandLine command = CommandLine.parse(args, System.getenv());
        if (command.help()) {
            System.out.println(CommandLine.USAGE);
            return;
        }
        System.out.println("Starting the local stack and the four services (data in " + command.options().folder().toAbsolutePath() + ") ...");
        PipelineRunner runner = start(command.options());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println();
            System.out.println(runner.report().render());
            runner.close();
        }, "pipeline-stop"));
        runner.services().awaitReady(Duration.ofMinutes(2));
        System.out.println("All services ready: scanner " + runner.services().url(Service.PRODUCT_SCANNER)
                + ", logs in " + command.options().folder().resolve("logs"));
        if (command.once()) {
            boolean drained = runner.awaitDrained(command.timeout(), System.out::println);
            if (!drained) {
                System.out.println("Not drained after " + command.timeout().toMinutes() + " min; stopping anyway.");
            }
            System.exit(drained ? 0 : 2); // the shutdown hook prints the report and stops everything
        }
        System.out.println("Running continuously: products added to the catalog get images. Ctrl-C stops.");
        while (true) {
            System.out.println(runner.progressLine());
            Thread.sleep(5000);
        }
    }
}
