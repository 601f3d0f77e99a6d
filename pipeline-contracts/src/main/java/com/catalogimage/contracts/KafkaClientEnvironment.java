package com.catalogimage.contracts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How every Kafka client of the pipeline is told where the cluster is and how to log in: environment variables only,
 * named after the client property they set ({@code KAFKA_SECURITY_PROTOCOL} is {@code security.protocol}), which is the
 * mapping Quarkus's Kafka extension applies to the services' {@code KAFKA_*} variables. The services state the same
 * defaults in their {@code application.properties}; this class gives them to the plain-Java clients (the runner, the
 * fault matrix, the test resources' admin calls), so a secured cluster is reached the same way by all of them.
 *
 * <p>Unset, every client speaks PLAINTEXT to {@code localhost:9092}, the quick start. {@code KAFKA_SASL_JAAS_CONFIG}
 * wins over {@code KAFKA_SASL_USERNAME}/{@code KAFKA_SASL_PASSWORD}, which are assembled into a SCRAM login line (the
 * login module PLAIN or OAUTHBEARER need, for Azure Event Hubs say, goes in {@code KAFKA_SASL_JAAS_CONFIG} itself).
 */
public final class KafkaClientEnvironment {

    public static final String BOOTSTRAP_SERVERS = "KAFKA_BOOTSTRAP_SERVERS";
    public static final String SECURITY_PROTOCOL = "KAFKA_SECURITY_PROTOCOL";
    public static final String SASL_MECHANISM = "KAFKA_SASL_MECHANISM";
    public static final String SASL_JAAS_CONFIG = "KAFKA_SASL_JAAS_CONFIG";
    public static final String SASL_USERNAME = "KAFKA_SASL_USERNAME";
    public static final String SASL_PASSWORD = "KAFKA_SASL_PASSWORD";
    public static final String SSL_TRUSTSTORE_LOCATION = "KAFKA_SSL_TRUSTSTORE_LOCATION";
    public static final String SSL_TRUSTSTORE_PASSWORD = "KAFKA_SSL_TRUSTSTORE_PASSWORD";
    public static final String SSL_TRUSTSTORE_TYPE = "KAFKA_SSL_TRUSTSTORE_TYPE";

    /** The variables above, in the order a person sets them. */
    public static final List<String> VARIABLES = List.of(BOOTSTRAP_SERVERS, SECURITY_PROTOCOL, SASL_MECHANISM,
            SASL_JAAS_CONFIG, SASL_USERNAME, SASL_PASSWORD, SSL_TRUSTSTORE_LOCATION, SSL_TRUSTSTORE_PASSWORD,
            SSL_TRUSTSTORE_TYPE);

    /** The services' defaults, as in their {@code application.properties}. */
    public static final String DEFAULT_BOOTSTRAP_SERVERS = "localhost:9092";
    public static final String DEFAULT_SECURITY_PROTOCOL = "PLAINTEXT";
    public static final String DEFAULT_SASL_MECHANISM = "SCRAM-SHA-512";

    private static final String SCRAM_LOGIN_MODULE = "org.apache.kafka.common.security.scram.ScramLoginModule";

    private KafkaClientEnvironment() {
    }

    /**
     * The client properties these variables give: bootstrap servers and security settings, nothing else (client ids,
     * serializers and sizes are each client's own).
     */
    public static Map<String, Object> clientConfig(Map<String, String> environment) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("bootstrap.servers", value(environment, BOOTSTRAP_SERVERS, DEFAULT_BOOTSTRAP_SERVERS));
        String protocol = value(environment, SECURITY_PROTOCOL, DEFAULT_SECURITY_PROTOCOL);
        config.put("security.protocol", protocol);
        if (protocol.startsWith("SASL_")) {
            config.put("sasl.mechanism", value(environment, SASL_MECHANISM, DEFAULT_SASL_MECHANISM));
            String jaas = value(environment, SASL_JAAS_CONFIG, null);
            if (jaas == null) {
                jaas = scramLogin(value(environment, SASL_USERNAME, ""), value(environment, SASL_PASSWORD, ""));
            }
            config.put("sasl.jaas.config", jaas);
        }
        if (protocol.endsWith("SSL")) {
            putIfSet(config, "ssl.truststore.location", environment, SSL_TRUSTSTORE_LOCATION);
            putIfSet(config, "ssl.truststore.password", environment, SSL_TRUSTSTORE_PASSWORD);
            putIfSet(config, "ssl.truststore.type", environment, SSL_TRUSTSTORE_TYPE);
        }
        return config;
    }

    /** The client properties of this process's own environment. */
    public static Map<String, Object> clientConfig() {
        return clientConfig(System.getenv());
    }

    /** The JAAS line of a SCRAM login; quotes and backslashes in the name or password are escaped as JAAS reads them. */
    public static String scramLogin(String username, String password) {
        return SCRAM_LOGIN_MODULE + " required username=\"" + quoted(username) + "\" password=\"" + quoted(password) + "\";";
    }

    private static String quoted(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static String value(Map<String, String> environment, String variable, String fallback) {
        String value = environment.get(variable);
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    private static void putIfSet(Map<String, Object> config, String property, Map<String, String> environment,
            String variable) {
        String value = value(environment, variable, null);
        if (value != null) {
            config.put(property, value);
        }
    }
}
