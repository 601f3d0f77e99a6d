package com.catalogimage.localstack;

import com.catalogimage.localstack.azurite.Azurite;
import com.catalogimage.localstack.dab.DabEmulator;
import com.catalogimage.localstack.imageapi.ImageApiEmulator;
import com.catalogimage.localstack.kafka.EmbeddedKafka;
import com.catalogimage.localstack.supplier.SupplierPhotos;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/**
 * The whole local stack for a run on one machine: Kafka, Azurite, the DAB emulator with the sample catalog, the
 * image-API emulator and the supplier CDN ({@link SupplierPhotos}, where the sample catalog's reference photos are). Everything persists under one folder, so the catalog, the blobs and the pipeline's state survive
 * a restart. The endpoints are written to {@code <folder>/endpoints.env} as the environment variables the services
 * read. A piece whose environment variable is already set ({@link #EXTERNAL}) is not started: the real service is used.
 * {@code LOCAL_STACK_KAFKA_SECURITY=sasl-ssl} gives the broker its SASL_SSL listener, and {@link #environment()} then
 * points the clients at it (each client's login comes from {@link EmbeddedKafka#credentials(String)}).
 */
public final class LocalStack implements AutoCloseable {

    /** Ports and folder; 0 picks a free port. The defaults are each product's usual port (the supplier CDN: 8091). */
    public record Settings(Path folder, int kafkaPort, int azuritePort, int dabPort, int imageApiPort,
                           int supplierPhotosPort) {

        /** The supplier CDN's port when none is given: 8091 beside fixed ports, a free one when the others are free. */
        public static final int SUPPLIER_PHOTOS_PORT = 8091;

        /** The form before the supplier CDN: it gets 8091, or a free port when {@code imageApiPort} is 0. */
        public Settings(Path folder, int kafkaPort, int azuritePort, int dabPort, int imageApiPort) {
            this(folder, kafkaPort, azuritePort, dabPort, imageApiPort, imageApiPort == 0 ? 0 : SUPPLIER_PHOTOS_PORT);
        }

        public static Settings defaults() {
            return new Settings(Path.of(".local-stack"), 9092, 10000, 5000, 8090, SUPPLIER_PHOTOS_PORT);
        }
    }

    /** The variable that, when set, names a real service instead of the local piece. */
    public static final Map<String, String> EXTERNAL = Map.of(
            "kafka", "KAFKA_BOOTSTRAP_SERVERS",
            "storage", "AZURE_STORAGE_CONNECTION_STRING|AZURE_STORAGE_ACCOUNT_URL",
            "catalog", "DAB_URL",
            "image-api", "AZURE_OPENAI_ENDPOINT",
            "supplier-photos", "SUPPLIER_PHOTOS_URL");

    /**
     * The generator's reference-photo allow-list and its switch for loopback addresses (issue 14's contract, owned by
     * the image generator): set to the local supplier CDN unless the environment already names them.
     */
    static final String REFERENCE_PHOTO_HOSTS = "REFERENCE_PHOTO_HOSTS";
    static final String REFERENCE_PHOTO_PRIVATE_ADDRESSES = "REFERENCE_PHOTO_PRIVATE_ADDRESSES";

    /** {@code plaintext} (unset) or {@code sasl-ssl}: the local broker's client listener ({@link EmbeddedKafka.Security}). */
    public static final String KAFKA_SECURITY = "LOCAL_STACK_KAFKA_SECURITY";

    private final EmbeddedKafka kafka;
    private final Azurite azurite;
    private final DabEmulator dab;
    private final ImageApiEmulator imageApi;
    private final SupplierPhotos supplierPhotos;
    /** The supplier CDN's base URL: the local one's, or the one {@code SUPPLIER_PHOTOS_URL} names. */
    private final String supplierPhotosUrl;
    private final Map<String, String> given;
    private final Path folder;

    private LocalStack(Settings settings, Map<String, String> environment) throws IOException {
        folder = settings.folder().toAbsolutePath();
        given = Map.copyOf(environment);
        // first: the catalog's sample rows carry its URLs, with the port it got
        supplierPhotos = isExternal("supplier-photos", environment) ? null
                : SupplierPhotos.start(SupplierPhotos.Options.defaults().withPort(settings.supplierPhotosPort()));
        supplierPhotosUrl = supplierPhotos != null ? supplierPhotos.baseUri().toString()
                : environment.get("SUPPLIER_PHOTOS_URL").strip();
        kafka = isExternal("kafka", environment) ? null
                : EmbeddedKafka.start(Files.createDirectories(folder.resolve("kafka")), false, settings.kafkaPort(),
                        EmbeddedKafka.Security.parse(environment.get(KAFKA_SECURITY)));
        azurite = isExternal("storage", environment) ? null
                : Azurite.start(Files.createDirectories(folder.resolve("azurite")), settings.azuritePort());
        dab = isExternal("catalog", environment) ? null : DabEmulator.start(DabEmulator.Options.inMemory()
                .withPort(settings.dabPort())
                .withJdbcUrl("jdbc:h2:file:" + Files.createDirectories(folder.resolve("catalog")).resolve("catalog"))
                .withTokenLifetime(dabTokenLifetime(environment))
                .withSupplierPhotos(supplierPhotosUrl));
        imageApi = isExternal("image-api", environment) ? null
                : ImageApiEmulator.start(ImageApiEmulator.Options.defaults().withPort(settings.imageApiPort()));
    }

    /** Starts every piece locally. */
    public static LocalStack start(Settings settings) {
        return start(settings, Map.of());
    }

    /** Starts the pieces that {@code environment} does not point at a real service. */
    public static LocalStack start(Settings settings, Map<String, String> environment) {
        try {
            return new LocalStack(settings, environment);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare " + settings.folder(), e);
        }
    }

    /**
     * {@value #DAB_TOKEN_LIFETIME} (an ISO-8601 duration, e.g. {@code PT1M}): the DAB emulator plays DAB with Entra ID,
     * handing out tokens of that lifetime through a managed-identity endpoint and refusing requests without a valid
     * one; the services get the endpoint and the scope in their environment. Unset: no authentication, as before.
     */
    public static final String DAB_TOKEN_LIFETIME = "LOCAL_STACK_DAB_TOKEN_LIFETIME";

    private static java.time.Duration dabTokenLifetime(Map<String, String> environment) {
        String value = environment.get(DAB_TOKEN_LIFETIME);
        return value == null || value.isBlank() ? null : java.time.Duration.parse(value.strip());
    }

    /** Whether {@code piece} is a real service named in the environment. */
    public static boolean isExternal(String piece, Map<String, String> environment) {
        for (String variable : EXTERNAL.get(piece).split("\\|")) {
            String value = environment.get(variable);
            if (value != null && !value.isBlank()) {
                return true;
            }
        }
        return false;
    }

    /** What a service needs to reach the local pieces, as environment variables. */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        if (kafka != null && kafka.secured()) {
            env.putAll(kafka.securedEnvironment());
        } else if (kafka != null) {
            env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        }
        if (azurite != null) {
            env.put("AZURE_STORAGE_CONNECTION_STRING", azurite.connectionString());
        }
        if (dab != null) {
            env.put("DAB_URL", dab.baseUri().toString());
            env.putAll(dab.identityEnvironment());
        }
        if (imageApi != null) {
            env.put("AZURE_OPENAI_ENDPOINT", imageApi.baseUri().toString());
            env.put("AZURE_OPENAI_API_KEY", imageApi.options().apiKey());
        }
        if (supplierPhotos != null) {
            env.put("SUPPLIER_PHOTOS_URL", supplierPhotosUrl);
            // the generator may fetch the sample's reference photos from the local CDN, which is on loopback
            if (!given.containsKey(REFERENCE_PHOTO_HOSTS)) {
                env.put(REFERENCE_PHOTO_HOSTS, supplierPhotos.hostAndPort());
                if (!given.containsKey(REFERENCE_PHOTO_PRIVATE_ADDRESSES)) {
                    env.put(REFERENCE_PHOTO_PRIVATE_ADDRESSES, "true");
                }
            }
        }
        return env;
    }

    public Path folder() {
        return folder;
    }

    /** The local broker, or {@code null} when a real one is used. */
    public EmbeddedKafka kafka() {
        return kafka;
    }

    /** Local storage, or {@code null} when a real account is used. */
    public Azurite azurite() {
        return azurite;
    }

    /** The catalog emulator, or {@code null} when a real DAB is used. */
    public DabEmulator dab() {
        return dab;
    }

    /** The supplier CDN, or {@code null} when {@code SUPPLIER_PHOTOS_URL} names another. */
    public SupplierPhotos supplierPhotos() {
        return supplierPhotos;
    }

    /** The image-API emulator, or {@code null} when a real Azure OpenAI resource is used. */
    public ImageApiEmulator imageApi() {
        return imageApi;
    }

    @Override
    public void close() {
        for (AutoCloseable piece : new AutoCloseable[] {imageApi, dab, azurite, kafka, supplierPhotos}) {
            if (piece != null) {
                try {
                    piece.close();
                } catch (Exception e) {
                    // closing the rest matters more than reporting this one
                }
            }
        }
    }

    /** Starts the stack and keeps it up until the process is stopped (Ctrl-C). Optional argument: the folder. */
    public static void main(String[] args) throws Exception {
        Settings defaults = Settings.defaults();
        Settings settings = args.length > 0
                ? new Settings(Path.of(args[0]), defaults.kafkaPort(), defaults.azuritePort(), defaults.dabPort(), defaults.imageApiPort(),
                        defaults.supplierPhotosPort())
                : defaults;
        // PLAINTEXT here whatever KAFKA_SECURITY says: services run by hand (quarkus:dev) get no SCRAM login from this
        // process; ./pipeline makes one per service.
        Map<String, String> environment = new java.util.HashMap<>(System.getenv());
        environment.remove(KAFKA_SECURITY);
        LocalStack stack = start(settings, environment);
        Path envFile = stack.folder.resolve("endpoints.env");
        String env = stack.environment().entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining("\n", "", "\n"));
        Files.writeString(envFile, env);
        System.out.println("Local stack up; data in " + stack.folder + "\n" + env + "(also in " + envFile + "). Ctrl-C stops it.");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.close();
            stopped.countDown();
        }, "local-stack-stop"));
        stopped.await();
    }
}
