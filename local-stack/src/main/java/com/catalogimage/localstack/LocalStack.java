package com.catalogimage.localstack;

import com.catalogimage.localstack.azurite.Azurite;
import com.catalogimage.localstack.dab.DabEmulator;
import com.catalogimage.localstack.imageapi.ImageApiEmulator;
import com.catalogimage.localstack.kafka.EmbeddedKafka;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/**
 * The whole local stack for a run on one machine: Kafka, Azurite, the DAB emulator with the sample catalog and the
 * image-API emulator. Everything persists under one folder, so the catalog, the blobs and the pipeline's state survive
 * a restart. The endpoints are written to {@code <folder>/endpoints.env} as the environment variables the services
 * read.
 */
public final class LocalStack implements AutoCloseable {

    /** Ports and folder; 0 picks a free port. */
    public record Settings(Path folder, int kafkaPort, int azuritePort, int dabPort, int imageApiPort) {
        public static Settings defaults() {
            return new Settings(Path.of(".local-stack"), 9092, 10000, 5000, 8090);
        }
    }

    private final EmbeddedKafka kafka;
    private final Azurite azurite;
    private final DabEmulator dab;
    private final ImageApiEmulator imageApi;
    private final Path folder;

    private LocalStack(Settings settings) throws IOException {
        folder = settings.folder().toAbsolutePath();
        Files.createDirectories(folder.resolve("kafka"));
        Files.createDirectories(folder.resolve("azurite"));
        Files.createDirectories(folder.resolve("catalog"));
        kafka = EmbeddedKafka.start(folder.resolve("kafka"), false, settings.kafkaPort());
        azurite = Azurite.start(folder.resolve("azurite"), settings.azuritePort());
        dab = DabEmulator.start(DabEmulator.Options.inMemory()
                .withPort(settings.dabPort())
                .withJdbcUrl("jdbc:h2:file:" + folder.resolve("catalog/catalog")));
        imageApi = ImageApiEmulator.start(ImageApiEmulator.Options.defaults().withPort(settings.imageApiPort()));
    }

    public static LocalStack start(Settings settings) {
        try {
            return new LocalStack(settings);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare " + settings.folder(), e);
        }
    }

    /** What a service needs to reach this stack, as environment variables. */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("AZURE_STORAGE_CONNECTION_STRING", azurite.connectionString());
        env.put("AZURE_STORAGE_BLOB_ENDPOINT", azurite.blobEndpoint());
        env.put("DAB_URL", dab.baseUri().toString());
        env.put("AZURE_OPENAI_ENDPOINT", imageApi.baseUri().toString());
        env.put("AZURE_OPENAI_API_KEY", ImageApiEmulator.Options.defaults().apiKey());
        return env;
    }

    public EmbeddedKafka kafka() {
        return kafka;
    }

    public Azurite azurite() {
        return azurite;
    }

    public DabEmulator dab() {
        return dab;
    }

    public ImageApiEmulator imageApi() {
        return imageApi;
    }

    @Override
    public void close() {
        imageApi.close();
        dab.close();
        azurite.close();
        kafka.close();
    }

    /** Starts the stack and keeps it up until the process is stopped (Ctrl-C). Optional argument: the folder. */
    public static void main(String[] args) throws Exception {
        Settings defaults = Settings.defaults();
        Settings settings = args.length > 0
                ? new Settings(Path.of(args[0]), defaults.kafkaPort(), defaults.azuritePort(), defaults.dabPort(), defaults.imageApiPort())
                : defaults;
        LocalStack stack = start(settings);
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
