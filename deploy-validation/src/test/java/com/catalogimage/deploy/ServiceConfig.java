package com.catalogimage.deploy;

import com.catalogimage.contracts.KafkaClientEnvironment;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a service actually reads, taken from its own {@code application.properties} (production profile: keys with a
 * {@code %profile.} prefix are left out) and from the {@code ${VAR...}} defaults in its Java sources. The services are the
 * root pom's modules that have an {@code application.properties} with {@code quarkus.http.port}: nothing here is a
 * second, hand-kept list.
 */
record ServiceConfig(String name, int httpPort, Map<String, Channel> incoming, Map<String, Channel> outgoing,
                     Map<String, String> envDefaults, Properties properties) {

    /**
     * A messaging channel: its topic, its consumer group (incoming), its dead-letter topic, its max request size, its
     * retry topics, and its producer's transactional id (outgoing; the default of a {@code ${VAR:default}}).
     */
    record Channel(String name, String topic, String groupId, String deadLetterTopic, Integer maxRequestSize,
                   List<String> retryTopics, String transactionalId) {
    }

    /**
     * {@code ${VAR}} or {@code ${VAR:default}}: environment variables are upper case by convention here. A default may
     * hold further references ({@code ${KAFKA_SASL_JAAS_CONFIG:... username="${KAFKA_SASL_USERNAME:}" ...}}): the
     * default read here stops at the next one, which is found on its own.
     */
    private static final Pattern ENV_REF = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::((?:[^}$]|\\$(?!\\{))*))?");
    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");

    /**
     * Every environment variable the service reads: its {@code ${VAR}} references and, for a Kafka client, every
     * {@link KafkaClientEnvironment} variable (Quarkus's Kafka extension maps {@code KAFKA_*} variables to client
     * properties itself, which is how the trust store is set without a default in application.properties).
     */
    Set<String> envVars() {
        Set<String> all = new TreeSet<>(envDefaults.keySet());
        if (properties.containsKey("kafka.bootstrap.servers")) {
            all.addAll(KafkaClientEnvironment.VARIABLES);
        }
        return all;
    }

    /**
     * Variables a container must set: their default points at the developer's machine ({@code localhost}), which is
     * wrong in any container.
     */
    Set<String> envVarsRequiredInContainers() {
        Set<String> required = new TreeSet<>();
        envDefaults.forEach((name, def) -> {
            if (def != null && (def.contains("localhost") || def.contains("127.0.0.1"))) {
                required.add(name);
            }
        });
        return required;
    }

    /**
     * The incoming channel with a stable consumer group id that is the stage's work: the only one, or the one whose
     * group is named after the service (the uploader's reviewers' decisions come in under a group of their own,
     * {@code blob-uploader-review}, and are not what KEDA scales on). Channels whose group id is fresh per start (the
     * status views, {@code ...-${quarkus.uuid}}) read a whole topic and are not what KEDA scales on either.
     */
    Channel consumerChannel() {
        List<Channel> grouped = incoming.values().stream()
                .filter(c -> c.groupId() != null && !c.groupId().contains("${")).toList();
        if (grouped.size() > 1) {
            grouped = grouped.stream().filter(c -> c.groupId().equals(name)).toList();
        }
        if (grouped.size() != 1) {
            throw new IllegalStateException(name + " has " + grouped.size() + " incoming channels with a group id");
        }
        return grouped.get(0);
    }

    /** A group id that never changes: {@code product-scanner-status-${quarkus.uuid}} is a fresh group per start. */
    boolean hasStableConsumerGroup() {
        return incoming.values().stream().anyMatch(c -> c.groupId() != null && !c.groupId().contains("${"));
    }

    static List<ServiceConfig> all() {
        String pom = Repo.read("pom.xml");
        Matcher m = MODULE.matcher(pom);
        List<ServiceConfig> services = new ArrayList<>();
        while (m.find()) {
            Path props = Repo.path(m.group(1)).resolve("src/main/resources/application.properties");
            if (Files.isRegularFile(props) && Repo.read(props).contains("quarkus.http.port")) {
                services.add(load(m.group(1)));
            }
        }
        if (services.isEmpty()) {
            throw new IllegalStateException("no service modules found in the root pom");
        }
        return services;
    }

    static Map<String, ServiceConfig> byName() {
        Map<String, ServiceConfig> map = new LinkedHashMap<>();
        all().forEach(s -> map.put(s.name(), s));
        return map;
    }

    static ServiceConfig load(String module) {
        Path dir = Repo.path(module);
        String text = Repo.read(dir.resolve("src/main/resources/application.properties"));
        Properties all = new Properties();
        try {
            all.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Properties prod = new Properties();
        all.stringPropertyNames().stream().filter(k -> !k.startsWith("%")).forEach(k -> prod.setProperty(k, all.getProperty(k)));

        Map<String, String> env = new TreeMap<>();
        prod.stringPropertyNames().forEach(k -> collectEnv(prod.getProperty(k), env));
        try (Stream<Path> sources = Files.walk(dir.resolve("src/main/java"))) {
            sources.filter(p -> p.toString().endsWith(".java")).forEach(p -> collectEnv(Repo.read(p), env));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }

        return new ServiceConfig(prod.getProperty("quarkus.application.name", module),
                // A literal port, or ${VAR:port} (the console's CONSOLE_PORT): the port it listens on by default.
                Integer.parseInt(withDefaults(prod.getProperty("quarkus.http.port")).strip()),
                channels(prod, "mp.messaging.incoming."), channels(prod, "mp.messaging.outgoing."), env, prod);
    }

    private static void collectEnv(String text, Map<String, String> env) {
        Matcher m = ENV_REF.matcher(text);
        while (m.find()) {
            env.merge(m.group(1), m.group(2) == null ? "" : m.group(2), (a, b) -> a.isEmpty() ? b : a);
        }
    }

    /** A value with each {@code ${VAR:default}} replaced by its default (null for null). */
    private static String withDefaults(String value) {
        return value == null ? null : ENV_REF.matcher(value).replaceAll(m -> Matcher.quoteReplacement(
                m.group(2) == null ? "" : m.group(2))).replace("}", "");
    }

    private static Map<String, Channel> channels(Properties props, String prefix) {
        Set<String> names = new TreeSet<>();
        props.stringPropertyNames().stream().filter(k -> k.startsWith(prefix))
                .forEach(k -> names.add(k.substring(prefix.length(), k.indexOf('.', prefix.length()))));
        Map<String, Channel> channels = new TreeMap<>();
        for (String name : names) {
            String base = prefix + name + ".";
            String size = props.getProperty(base + "max.request.size");
            String retries = props.getProperty(base + "delayed-retry-topic.topics", "");
            channels.put(name, new Channel(name, props.getProperty(base + "topic", name), props.getProperty(base + "group.id"),
                    props.getProperty(base + "dead-letter-queue.topic"), size == null ? null : Integer.valueOf(size),
                    java.util.Arrays.stream(retries.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList(),
                    withDefaults(props.getProperty(base + "transactional.id"))));
        }
        return channels;
    }
}
