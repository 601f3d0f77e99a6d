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
 * The main job: the local stack (or the real services the environment names), the four services and the operator
 * console as separate processes, live progress, and a final report. {@code --once} stops when the catalog is drained
 * (with {@code --review manual}: when every product is final or awaits a reviewer); otherwise it runs until Ctrl-C and
 * new products get images as they appear.
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
     * @param console      whether the operator console runs beside the four stages (runs that only measure the
     *                     stages leave it out and save a JVM)
     */
    public record Options(Path folder, String catalogMode, Duration scanInterval, boolean usualPorts,
            Map<String, String> environment, Map<Service, Map<String, String>> serviceEnvironments, boolean console) {

        public Options(Path folder, String catalogMode, Duration scanInterval, boolean usualPorts,
                Map<String, String> environment) {
            this(folder, catalogMode, scanInterval, usualPorts, environment, Map.of());
        }

        public Options(Path folder, String catalogMode, Duration scanInterval, boolean usualPorts,
                Map<String, String> environment, Map<Service, Map<String, String>> serviceEnvironments) {
            this(folder, catalogMode, scanInterval, usualPorts, environment, serviceEnvironments, true);
        }

        /** The same run without the operator console. */
        public Options withoutConsole() {
            return new Options(folder, catalogMode, scanInterval, usualPorts, environment, serviceEnvironments, false);
        }

        /** {@code auto} (images go to the catalog as generated) or {@code manual} (each waits for a reviewer). */
        public String reviewMode() {
            return environment.getOrDefault(REVIEW_MODE, "auto");
        }
    }

    /** Read by the uploader (the gate) and the console: {@code auto} or {@code manual}. */
    public static final String REVIEW_MODE = "REVIEW_MODE";
    /**
     * {@code --restyle}: the runner's own flag (no service reads it), turned into {@code RESTYLE_IMAGE_URL_PREFIXES} =
     * the local supplier CDN's base URL, which only the runner knows.
     */
    static final String RESTYLE_LOCAL_SUPPLIER_PHOTOS = "PIPELINE_RESTYLE_LOCAL_SUPPLIER_PHOTOS";
    static final String CONSOLE_OPERATOR_PASSWORD = "CONSOLE_OPERATOR_PASSWORD";
    static final String CONSOLE_VIEWER_PASSWORD = "CONSOLE_VIEWER_PASSWORD";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Options options;
    private final Instant started = Instant.now();
    private final LocalStack stack;
    private final ServiceProcesses services;
    private final StatusBoard board;
    private final Map<String, String> serviceEnvironment;
    /** The console's logins of this run: from the environment, else made for the run and never written anywhere. */
    private final String operatorPassword;
    private final String viewerPassword;

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
                if (service.stage || options.console()) {
                    ports.put(service, options.usualPorts() ? service.defaultPort : Ports.free());
                }
            }
            operatorPassword = givenOrRandom(options.environment().get(CONSOLE_OPERATOR_PASSWORD));
            viewerPassword = givenOrRandom(options.environment().get(CONSOLE_VIEWER_PASSWORD));
            Map<Service, Map<String, String>> own = new EnumMap<>(Service.class);
            options.serviceEnvironments().forEach((service, variables) -> own.put(service, new HashMap<>(variables)));
            if (options.console()) {
                consoleEnvironment(ports, serviceEnvironment)
                        .forEach(own.computeIfAbsent(Service.OPERATOR_CONSOLE, s -> new HashMap<>())::putIfAbsent);
            }
            services = ServiceProcesses.start(repository(), folder.resolve("logs"), serviceEnvironment, ports,
                    withKafkaLogins(own, ports.keySet(), stack));
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

    /**
     * What the console reads beyond what every service gets (Kafka, storage, REVIEW_MODE, budgets, the quota): the
     * stages' URLs, the scanner's key and this run's two logins.
     */
    private Map<String, String> consoleEnvironment(Map<Service, Integer> ports, Map<String, String> shared) {
        Map<String, String> env = new HashMap<>();
        // Its prod profile reads the port from CONSOLE_PORT, which outranks QUARKUS_HTTP_PORT there: set both.
        env.put("CONSOLE_PORT", String.valueOf(ports.get(Service.OPERATOR_CONSOLE)));
        env.put("SCANNER_URL", "http://127.0.0.1:" + ports.get(Service.PRODUCT_SCANNER));
        env.put("GENERATOR_URL", "http://127.0.0.1:" + ports.get(Service.IMAGE_GENERATOR));
        env.put("UPLOADER_URL", "http://127.0.0.1:" + ports.get(Service.BLOB_UPLOADER));
        env.put("UPDATER_URL", "http://127.0.0.1:" + ports.get(Service.CATALOG_UPDATER));
        env.put("CONSOLE_SCANNER_API_KEY", shared.get("SCAN_API_KEY"));
        env.put("CONSOLE_GENERATOR_API_KEY", shared.get(GENERATOR_API_KEY));
        env.put(CONSOLE_OPERATOR_PASSWORD, operatorPassword);
        env.put(CONSOLE_VIEWER_PASSWORD, viewerPassword);
        return env;
    }

    private static String givenOrRandom(String given) {
        if (given != null && !given.isBlank()) {
            return given;
        }
        byte[] random = new byte[12];
        new SecureRandom().nextBytes(random);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
    /** The generator's key for {@code POST /previews}; the console holds it as {@code CONSOLE_GENERATOR_API_KEY}. */
    static final String GENERATOR_API_KEY = "GENERATOR_API_KEY";

    private static Map<String, String> serviceEnvironment(Options options, LocalStack stack) {
        Map<String, String> env = new HashMap<>(options.environment());
        env.putAll(stack.environment());
        env.put("SCAN_API_KEY", givenOrRunKey(options.environment().get("SCAN_API_KEY")));
        env.put(GENERATOR_API_KEY, givenOrRunKey(options.environment().get(GENERATOR_API_KEY)));
        // The quality check (decision 0024): the generator judges, the scanner's estimate prices it; REVIEW_MODE, which
        // the generator reads too, is in everybody's environment already.
        env.putIfAbsent("QUALITY_CHECK", "advisory");
        // The image model (decision 0028): the scanner's estimate and the generator read the same two.
        env.putIfAbsent("IMAGE_MODEL", "gpt-image-2");
        env.putIfAbsent("IMAGE_VARIANTS", "1");
        if (stack.imageApi() != null) {
            // The emulator serves the chat deployment beside the image one, on the same endpoint with the same key.
            env.putIfAbsent("CHAT_ENDPOINT", env.get("AZURE_OPENAI_ENDPOINT"));
            env.putIfAbsent("CHAT_API_KEY", env.get("AZURE_OPENAI_API_KEY"));
            env.putIfAbsent("CHAT_DEPLOYMENT", "gpt-5-mini");
        }
        // Reference photos (decision 0030): the local stack names its supplier CDN (SUPPLIER_PHOTOS_URL) and lets the
        // generator fetch from it on loopback. --restyle restyles the sample products whose image is on it (0032).
        if ("true".equals(env.remove(RESTYLE_LOCAL_SUPPLIER_PHOTOS))) {
            String photos = env.get("SUPPLIER_PHOTOS_URL");
            if (photos == null || photos.isBlank()) {
                throw new IllegalArgumentException("--restyle restyles the products on the local supplier CDN, and this "
                        + "run has none: set RESTYLE_IMAGE_URL_PREFIXES instead");
            }
            env.putIfAbsent("RESTYLE_IMAGE_URL_PREFIXES", photos.replaceAll("/+$", "") + "/");
        }
        env.put("CATALOG_MODE", options.catalogMode());
        // The local stack's DAB emulator has deploy/sql's alt text column; a catalog without it still gets its URLs
        // (the updater writes without the alt text and warns, decision 0025). CATALOG_ALT_TEXT_COLUMN= turns it off.
        env.putIfAbsent("CATALOG_ALT_TEXT_COLUMN", "ImageAltText");
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

    /** A key the caller gave, else this run's own: random, never written anywhere. */
    private static String givenOrRunKey(String given) {
        if (given != null && !given.isBlank()) {
            return given;
        }
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
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
            java.util.Set<Service> started, LocalStack stack) {
        Map<Service, Map<String, String>> merged = new EnumMap<>(Service.class);
        given.forEach((service, variables) -> merged.put(service, new HashMap<>(variables)));
        if (stack.kafka() != null && stack.kafka().secured()) {
            for (Service service : started) {
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

    /** The console's address, {@code http://localhost:<port>}; empty when the run has no console. */
    public java.util.Optional<String> consoleUrl() {
        return services.services().contains(Service.OPERATOR_CONSOLE)
                ? java.util.Optional.of(services.url(Service.OPERATOR_CONSOLE).replace("127.0.0.1", "localhost"))
                : java.util.Optional.empty();
    }

    /** The console's operator password of this run (role operator: approve, reject, replay). */
    public String operatorPassword() {
        return operatorPassword;
    }

    /** The console's viewer password of this run (role viewer: read only). */
    public String viewerPassword() {
        return viewerPassword;
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
     * only when the board shows nothing in flight, so a busy pipeline is not disturbed. A product awaiting review is not
     * in flight: only a person moves it on (the scanner does not count it in flight either).
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
                events.getOrDefault(State.SKIPPED, 0), events.getOrDefault(State.DEAD_LETTERED, 0), board.inFlight())
                // restyles wait for a reviewer in auto mode too
                + (options.reviewMode().equals("manual") || board.awaitingReview() > 0
                        ? " | awaiting review " + board.awaitingReview() : "");
    }

    /**
     * With manual review, how many products wait for a reviewer and where to decide on them; empty when none waits.
     */
    public java.util.Optional<String> reviewLine() {
        long waiting = board.awaitingReview();
        if (waiting == 0) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(waiting + (waiting == 1 ? " product awaits" : " products await") + " review: approve"
                + " or reject " + (waiting == 1 ? "it" : "them") + " at " + consoleUrl().map(url -> url + "/reviews")
                .orElse("the operator console's /reviews") + " (./pipeline without --once keeps the pipeline running"
                + " to carry the decisions out)");
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
        try {
            run(args);
        } catch (RuntimeException e) {
            // The services' processes and the stack's threads would keep this JVM (and them) running: exit, which
            // runs the shutdown hooks that print the report and stop everything.
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(String[] args) throws Exception {
        CommandLine command = CommandLine.parse(args, System.getenv());
        if (command.help()) {
            System.out.println(CommandLine.USAGE);
            return;
        }
        System.out.println("Starting the local stack, the four services and the operator console (data in "
                + command.options().folder().toAbsolutePath() + ", review " + command.options().reviewMode() + ") ...");
        PipelineRunner runner = start(command.options());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println();
            System.out.println(runner.report().render());
            runner.reviewLine().ifPresent(System.out::println);
            runner.close();
        }, "pipeline-stop"));
        runner.services().awaitReady(Duration.ofMinutes(2));
        System.out.println("All services ready: scanner " + runner.services().url(Service.PRODUCT_SCANNER)
                + ", logs in " + command.options().folder().resolve("logs"));
        // Printed once, here only: the services' logs never contain it.
        runner.consoleUrl().ifPresent(url -> System.out.println("Console: " + url + "  (operator / "
                + runner.operatorPassword() + ")"));
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
