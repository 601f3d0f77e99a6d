package com.catalogimage.localstack.kafka;

import com.catalogimage.contracts.KafkaClientEnvironment;
import com.catalogimage.contracts.Topics;
import com.catalogimage.localstack.http.Ports;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
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
 *
 * <p>Its PLAINTEXT listener is the quick start's. {@link Security#SASL_SSL} adds a second listener as a secured cluster
 * has one: TLS with a certificate made at start ({@link BrokerCertificate}) and SCRAM-SHA-512 logins, one user per
 * client ({@link #scramPassword(String)}). The broker's own admin calls (topics, users) keep to PLAINTEXT; clients told
 * {@link #securedEnvironment()} go through the secured one. There is no authorizer: a login is checked, not its ACLs.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedKafka.class);

    /** Which listeners the broker has besides its controller's. */
    public enum Security {
        /** PLAINTEXT only: the quick start and most tests. */
        PLAINTEXT,
        /** PLAINTEXT and SASL_SSL (SCRAM-SHA-512 over TLS). */
        SASL_SSL;

        /** {@code sasl-ssl} or {@code plaintext} (any case, {@code -} or {@code _}); blank is PLAINTEXT. */
        public static Security parse(String text) {
            if (text == null || text.isBlank()) {
                return PLAINTEXT;
            }
            try {
                return valueOf(text.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Kafka security is plaintext or sasl-ssl, not " + text, e);
            }
        }
    }

    /** The SCRAM mechanism of the secured listener, the one Strimzi's {@code KafkaUser}s use. */
    public static final String SCRAM_MECHANISM = "SCRAM-SHA-512";

    private final Path dataDir;
    private final boolean deleteOnClose;
    private final int port;
    private final int controllerPort;
    private final int saslSslPort;
    private final BrokerCertificate certificate;
    private final Map<String, String> scramPasswords = new ConcurrentHashMap<>();
    private KafkaRaftServer server;

    private EmbeddedKafka(Path dataDir, boolean deleteOnClose, int port, int controllerPort, int saslSslPort) {
        this.dataDir = dataDir;
        this.deleteOnClose = deleteOnClose;
        this.port = port;
        this.controllerPort = controllerPort;
        this.saslSslPort = saslSslPort;
        this.certificate = saslSslPort == 0 ? null : BrokerCertificate.create(tlsDir(dataDir));
    }

    /** A throw-away broker on free ports with every pipeline topic created. */
    public static EmbeddedKafka startTemporary() {
        return startTemporary(Security.PLAINTEXT);
    }

    /** A throw-away broker on free ports with every pipeline topic created, and these listeners. */
    public static EmbeddedKafka startTemporary(Security security) {
        try {
            return start(Files.createTempDirectory("embedded-kafka"), true, 0, security);
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
        return start(dataDir, deleteOnClose, port, Security.PLAINTEXT);
    }

    /**
     * {@link #start(Path, boolean, int)} with these listeners; the SASL_SSL one is on the port after {@code port}, or a
     * free one when {@code port} is 0.
     */
    public static EmbeddedKafka start(Path dataDir, boolean deleteOnClose, int port, Security security) {
        int saslSslPort = security == Security.SASL_SSL ? (port == 0 ? Ports.free() : port + 1) : 0;
        EmbeddedKafka kafka = new EmbeddedKafka(dataDir, deleteOnClose, port == 0 ? Ports.free() : port, Ports.free(),
                saslSslPort);
        kafka.startServer();
        kafka.createTopics(Topics.all());
        return kafka;
    }

    /** The PLAINTEXT listener. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Whether the broker has the SASL_SSL listener. */
    public boolean secured() {
        return certificate != null;
    }

    /** The SASL_SSL listener. */
    public String saslSslBootstrapServers() {
        requireSecured();
        return "127.0.0.1:" + saslSslPort;
    }

    /**
     * The variables ({@link KafkaClientEnvironment}) a client needs to reach the SASL_SSL listener, all but its login
     * ({@link #credentials(String)}).
     */
    public Map<String, String> securedEnvironment() {
        requireSecured();
        Map<String, String> env = new LinkedHashMap<>();
        env.put(KafkaClientEnvironment.BOOTSTRAP_SERVERS, saslSslBootstrapServers());
        env.put(KafkaClientEnvironment.SECURITY_PROTOCOL, "SASL_SSL");
        env.put(KafkaClientEnvironment.SASL_MECHANISM, SCRAM_MECHANISM);
        env.put(KafkaClientEnvironment.SSL_TRUSTSTORE_TYPE, "PEM");
        env.put(KafkaClientEnvironment.SSL_TRUSTSTORE_LOCATION, certificate.trustStore().toString());
        return env;
    }

    /** The login of one client on the SASL_SSL listener, its user created first if needed. */
    public Map<String, String> credentials(String user) {
        return Map.of(KafkaClientEnvironment.SASL_USERNAME, user,
                KafkaClientEnvironment.SASL_PASSWORD, scramPassword(user));
    }

    /**
     * The SCRAM password of {@code user}, a random one made and registered with the broker on first use (Kafka keeps
     * SCRAM users in its metadata log, so they survive {@link #stop()} and {@link #startServer()}). Each process that
     * starts a broker makes its own passwords: nothing to keep secret on disk.
     */
    public String scramPassword(String user) {
        requireSecured();
        return scramPasswords.computeIfAbsent(user, name -> {
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            String password = HexFormat.of().formatHex(random);
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
                admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(name,
                        new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), password))).all().get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("Cannot create the SCRAM user " + name, e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while creating the SCRAM user " + name, e);
            }
            awaitLogin(name, password);
            return password;
        });
    }

    /**
     * The controller has the new user once the call returns; the broker's login cache follows a moment later, and a
     * client refused in between does not try again. Wait until the login works.
     */
    private void awaitLogin(String user, String password) {
        Map<String, String> env = new LinkedHashMap<>(securedEnvironment());
        env.put(KafkaClientEnvironment.SASL_USERNAME, user);
        env.put(KafkaClientEnvironment.SASL_PASSWORD, password);
        Map<String, Object> config = new LinkedHashMap<>(KafkaClientEnvironment.clientConfig(env));
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try (Admin admin = Admin.create(config)) {
                admin.describeCluster().nodes().get();
                return;
            } catch (ExecutionException refused) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("The SCRAM user " + user + " cannot log in", refused.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the SCRAM user " + user, e);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the SCRAM user " + user, e);
            }
        }
    }

    private void requireSecured() {
        if (certificate == null) {
            throw new IllegalStateException("This broker has no SASL_SSL listener (started with Security.PLAINTEXT)");
        }
    }

    /** The certificate lives beside the data, not in it: Kafka reads every folder of its log directory as a partition. */
    private static Path tlsDir(Path dataDir) {
        return dataDir.resolveSibling(dataDir.getFileName() + "-tls");
    }

    /**
     * A broker that meets a fatal fault exits or halts its JVM (Kafka's {@code Exit}); here that JVM is a test's, a
     * runner's or the benchmark's, which would die without a word (surefire: "The forked VM terminated without properly
     * saying goodbye"). The fault is logged with its stack instead, and the JVM's owner sees the broker fail.
     */
    private static void keepTheHostJvm() {
        org.apache.kafka.common.utils.Exit.Procedure log = (status, message) -> LOG.errorf(
                new IllegalStateException("the embedded Kafka broker asked to end the JVM"),
                "Embedded Kafka broker: fatal fault (status %d): %s; the JVM is kept", status, message);
        org.apache.kafka.common.utils.Exit.setExitProcedure(log);
        org.apache.kafka.common.utils.Exit.setHaltProcedure(log);
    }

    /** Starts the broker again after {@link #stop()}, on the same ports and data. */
    public synchronized void startServer() {
        if (server != null) {
            return;
        }
        format();
        Properties props = config();
        long started = System.nanoTime();
        keepTheHostJvm();
        server = new KafkaRaftServer(new KafkaConfig(props), Time.SYSTEM);
        server.startup();
        Ports.awaitListening(port, Duration.ofSeconds(30), "Kafka broker");
        if (certificate != null) {
            Ports.awaitListening(saslSslPort, Duration.ofSeconds(30), "Kafka broker's SASL_SSL listener");
        }
        LOG.infof("Kafka broker up at %s%s in %d ms (data in %s)", bootstrapServers(),
                certificate == null ? "" : " and SASL_SSL " + saslSslBootstrapServers(),
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
        createTopics(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), specs);
    }

    /**
     * Creates missing topics on the cluster this client configuration reaches, security settings included
     * ({@link KafkaClientEnvironment#clientConfig(Map)}).
     */
    public static void createTopics(Map<String, Object> clientConfig, List<Topics.Spec> specs) {
        String bootstrapServers = String.valueOf(clientConfig.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG));
        try (Admin admin = Admin.create(clientConfig)) {
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
            if (certificate != null) {
                deleteRecursively(tlsDir(dataDir));
            }
        }
    }

    private Properties config() {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        String clientListeners = "PLAINTEXT://127.0.0.1:" + port
                + (certificate == null ? "" : ",SASL_SSL://127.0.0.1:" + saslSslPort);
        props.put("listeners", clientListeners + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", clientListeners);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"
                + (certificate == null ? "" : ",SASL_SSL:SASL_SSL"));
        if (certificate != null) {
            String listener = "listener.name.sasl_ssl.";
            props.put(listener + "sasl.enabled.mechanisms", SCRAM_MECHANISM);
            props.put(listener + "scram-sha-512.sasl.jaas.config",
                    "org.apache.kafka.common.security.scram.ScramLoginModule required;");
            props.put(listener + "ssl.keystore.type", "PKCS12");
            props.put(listener + "ssl.keystore.location", certificate.keyStore().toString());
            props.put(listener + "ssl.keystore.password", certificate.keyStorePassword());
            props.put(listener + "ssl.key.password", certificate.keyStorePassword());
        }
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
