package com.catalogimage.localstack.kafka;

import com.catalogimage.contracts.Topics;
import com.catalogimage.localstack.http.Ports;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.jboss.logging.Logger;

/**
 * A real Apache Kafka broker in KRaft mode (broker and controller in one node) running inside this JVM, on loopback.
 * There is no Docker engine where we build, so Testcontainers cannot run; this is the same broker code a cluster runs.
 * It can be stopped and started again on the same ports and data, which the fault tests use to restart the broker.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedKafka.class);

    private final Path dataDir;
    private final boolean deleteOnClose;
    private final int port;
    private final int controllerPort;
    private KafkaRaftServer server;

    private EmbeddedKafka(Path dataDir, boolean deleteOnClose, int port, int controllerPort) {
        this.dataDir = dataDir;
        this.deleteOnClose = deleteOnClose;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /** A throw-away broker on free ports with every pipeline topic created. */
    public static EmbeddedKafka startTemporary() {
        try {
            return start(Files.createTempDirectory("embedded-kafka"), true, 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts a broker keeping its data in {@code dataDir} (formatted on first use), creates the pipeline's topics.
     *
     * @param port the client port, 0 for a free one
     */
    public static EmbeddedKafka start(Path dataDir, boolean deleteOnClose, int port) {
        EmbeddedKafka kafka = new EmbeddedKafka(dataDir, deleteOnClose, port == 0 ? Ports.free() : port, Ports.free());
        kafka.startServer();
        kafka.createTopics(Topics.all());
        return kafka;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Starts the broker again after {@link #stop()}, on the same ports and data. */
    public synchronized void startServer() {
        if (server != null) {
            return;
        }
        format();
        Properties props = config();
        long started = System.nanoTime();
        server = new KafkaRaftServer(new KafkaConfig(props), Time.SYSTEM);
        server.startup();
        Ports.awaitListening(port, Duration.ofSeconds(30), "Kafka broker");
        LOG.infof("Kafka broker up at %s in %d ms (data in %s)", bootstrapServers(),
                (System.nanoTime() - started) / 1_000_000, dataDir);
    }

    /** Stops the broker and keeps its data, as a crash or a rolling restart would. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.shutdown();
        server.awaitShutdown();
        server = null;
    }

    /** Creates topics that do not exist yet; existing ones are left as they are. */
    public void createTopics(List<Topics.Spec> specs) {
        createTopics(bootstrapServers(), specs);
    }

    /** Creates missing topics on any cluster, for example an external one given to the test resources. */
    public static void createTopics(String bootstrapServers, List<Topics.Spec> specs) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = specs.stream()
                    .filter(spec -> !existing.contains(spec.name()))
                    .map(spec -> new NewTopic(spec.name(), spec.partitions(), (short) 1).configs(spec.configs()))
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get();
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) { // another process created it meanwhile
                throw new IllegalStateException("Cannot create topics on " + bootstrapServers, e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics", e);
        }
    }

    @Override
    public void close() {
        stop();
        if (deleteOnClose) {
            deleteRecursively(dataDir);
        }
    }

    private Properties config() {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("log.dirs", dataDir.toString());
        // One node: every internal topic has one replica, or consumer groups and transactions hang.
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "6");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        // Topics are created from Topics.all(), as Strimzi creates them in a cluster: a misspelt topic fails loudly.
        props.put("auto.create.topics.enable", "false");
        props.put("message.max.bytes", String.valueOf(Topics.MAX_MESSAGE_BYTES));
        props.put("replica.fetch.max.bytes", String.valueOf(Topics.MAX_MESSAGE_BYTES));
        props.put("log.cleaner.backoff.ms", "1000");
        return props;
    }

    private void format() {
        if (Files.exists(dataDir.resolve("meta.properties"))) {
            return; // a persistent data directory is formatted once
        }
        try {
            new Formatter()
                    .setNodeId(1)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setDirectories(List.of(dataDir.toString()))
                    .setMetadataLogDirectory(dataDir.toString())
                    .setControllerListenerName("CONTROLLER")
                    .setReleaseVersion(MetadataVersion.latestProduction())
                    .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot format Kafka storage in " + dataDir, e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            LOG.debugf("Could not delete %s: %s", dir, e.getMessage());
        }
    }
}
