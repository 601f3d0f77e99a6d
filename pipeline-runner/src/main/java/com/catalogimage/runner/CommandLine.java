package com.catalogimage.runner;

import java.nio.file.Path;
import com.catalogimage.localstack.LocalStack;
import com.catalogimage.localstack.kafka.EmbeddedKafka;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** The runner's arguments. */
record CommandLine(PipelineRunner.Options options, boolean once, Duration timeout, boolean help) {

    static final String USAGE = """
            Usage: ./pipeline [--once] [--mode table|stored-procedure] [--folder DIR] [--scan-interval SECONDS] [--timeout MINUTES]
                              [--kafka-security plaintext|sasl-ssl]
              --once            exit when the catalog is drained (default: run until Ctrl-C, picking up new products)
              --mode            how the catalog is read through Data API Builder (default: table)
              --folder          where catalog, blobs, Kafka data and logs are kept (default: .local-stack)
              --scan-interval   seconds between scans (default: 30, or 5 with --once)
              --timeout         with --once, give up after this many minutes (default: 30)
              --kafka-security  sasl-ssl: every client goes through the local broker's SASL_SSL listener (SCRAM-SHA-512
                                over TLS, one user per service); default plaintext (or LOCAL_STACK_KAFKA_SECURITY)
            Real services instead of the local stack: set KAFKA_BOOTSTRAP_SERVERS, AZURE_OPENAI_ENDPOINT (+ AZURE_OPENAI_API_KEY
            or AZURE_OPENAI_AUTH=entra-id, AZURE_OPENAI_DEPLOYMENT), AZURE_STORAGE_CONNECTION_STRING or AZURE_STORAGE_ACCOUNT_URL
            (+ AZURE_STORAGE_SAS_TOKEN, or managed identity; PUBLIC_BASE_URL or IMAGE_BASE_URL with a connection string),
            DAB_URL (+ DAB_REST_PATH, DAB_ROLE, DAB_AUTH_SCOPE for Entra ID tokens, or DAB_TOKEN); a secured cluster:
            KAFKA_SECURITY_PROTOCOL, KAFKA_SASL_MECHANISM, KAFKA_SASL_JAAS_CONFIG or KAFKA_SASL_USERNAME and
            KAFKA_SASL_PASSWORD, KAFKA_SSL_TRUSTSTORE_LOCATION (+ _TYPE, _PASSWORD).""";

    static CommandLine parse(String[] args, Map<String, String> processEnvironment) {
        Map<String, String> environment = new HashMap<>(processEnvironment);
        boolean once = false;
        boolean help = false;
        String mode = environment.getOrDefault("CATALOG_MODE", "table");
        Path folder = Path.of(".local-stack");
        Duration interval = null;
        Duration timeout = Duration.ofMinutes(30);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--once" -> once = true;
                case "--mode" -> mode = value(args, ++i);
                case "--folder" -> folder = Path.of(value(args, ++i));
                case "--scan-interval" -> interval = Duration.ofSeconds(Long.parseLong(value(args, ++i)));
                case "--timeout" -> timeout = Duration.ofMinutes(Long.parseLong(value(args, ++i)));
                case "--kafka-security" -> environment.put(LocalStack.KAFKA_SECURITY,
                        EmbeddedKafka.Security.parse(value(args, ++i)).name());
                case "-h", "--help" -> help = true;
                default -> throw new IllegalArgumentException("Unknown argument " + args[i] + "\n" + USAGE);
            }
        }
        if (!mode.equals("table") && !mode.equals("stored-procedure")) {
            throw new IllegalArgumentException("--mode is table or stored-procedure, not " + mode);
        }
        if (interval == null) {
            interval = once ? Duration.ofSeconds(5) : Duration.ofSeconds(30);
        }
        return new CommandLine(new PipelineRunner.Options(folder, mode, interval, true, environment), once, timeout, help);
    }

    private static String value(String[] args, int index) {
        if (index >= args.length) {
            throw new IllegalArgumentException(args[index - 1] + " needs a value\n" + USAGE);
        }
        return args[index];
    }
}
