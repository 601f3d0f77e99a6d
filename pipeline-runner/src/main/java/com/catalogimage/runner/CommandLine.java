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
            Usage: ./pipeline [--once] [--review auto|manual] [--quality-check off|advisory|enforce]
                              [--variants 1-4] [--restyle] [--mode table|stored-procedure] [--folder DIR] [--scan-interval SECONDS]
                              [--timeout MINUTES] [--kafka-security plaintext|sasl-ssl]
              --once            exit when the catalog is drained (default: run until Ctrl-C, picking up new products);
                                with --review manual, when every product is final or awaits review
              --review          manual: each image waits, private, in the operator console's review queue until someone
                                approves it (http://localhost:8085/reviews); default auto (or REVIEW_MODE): images go to
                                the catalog as generated
              --quality-check   the vision model's check of every image (default advisory, or QUALITY_CHECK): advisory
                                records the verdict and alt text; enforce generates a failing image once more, then sends
                                it to review (manual) or dead-letters it QUALITY_REJECTED; off makes no check
              --variants        images per call (default 1, or IMAGE_VARIANTS); with more, a reviewer picks one in the
                                console and the others are kept unpublished (use with --review manual); all are paid for
              --restyle         restyle the sample products whose image is a supplier photo on the local supplier CDN
                                (RESTYLE_IMAGE_URL_PREFIXES): each waits for a reviewer whatever --review says, and the
                                catalog keeps the supplier photo until one approves
              --mode            how the catalog is read through Data API Builder (default: table)
              --folder          where catalog, blobs, Kafka data and logs are kept (default: .local-stack)
              --scan-interval   seconds between scans (default: 30, or 5 with --once)
              --timeout         with --once, give up after this many minutes (default: 30)
              --kafka-security  sasl-ssl: every client goes through the local broker's SASL_SSL listener (SCRAM-SHA-512
                                over TLS, one user per service); default plaintext (or LOCAL_STACK_KAFKA_SECURITY)
            Model: IMAGE_MODEL / IMAGE_DEPLOYMENT (default gpt-image-2), IMAGE_MODERATION (auto|low). Reference photos
            (CATALOG_SOURCE_IMAGE_COLUMN, default SourceImageUrl) are fetched only from REFERENCE_PHOTO_HOSTS: on the local
            stack its supplier CDN.
            The operator console (http://localhost:8085) starts with the rest; its operator password is made per run and
            printed once (set CONSOLE_OPERATOR_PASSWORD, CONSOLE_VIEWER_PASSWORD to choose them).
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
                case "--review" -> environment.put(PipelineRunner.REVIEW_MODE, reviewMode(value(args, ++i)));
                case "--quality-check" -> environment.put(QUALITY_CHECK, qualityCheck(value(args, ++i)));
                case "--variants" -> environment.put(IMAGE_VARIANTS, variants(value(args, ++i)));
                case "--restyle" -> environment.put(PipelineRunner.RESTYLE_LOCAL_SUPPLIER_PHOTOS, "true");
                case "-h", "--help" -> help = true;
                default -> throw new IllegalArgumentException("Unknown argument " + args[i] + "\n" + USAGE);
            }
        }
        if (environment.containsKey(PipelineRunner.REVIEW_MODE)) {
            environment.put(PipelineRunner.REVIEW_MODE, reviewMode(environment.get(PipelineRunner.REVIEW_MODE)));
        }
        if (environment.containsKey(QUALITY_CHECK)) {
            environment.put(QUALITY_CHECK, qualityCheck(environment.get(QUALITY_CHECK)));
        }
        if (environment.containsKey(IMAGE_VARIANTS)) {
            environment.put(IMAGE_VARIANTS, variants(environment.get(IMAGE_VARIANTS)));
        }
        if (!mode.equals("table") && !mode.equals("stored-procedure")) {
            throw new IllegalArgumentException("--mode is table or stored-procedure, not " + mode);
        }
        if (interval == null) {
            interval = once ? Duration.ofSeconds(5) : Duration.ofSeconds(30);
        }
        return new CommandLine(new PipelineRunner.Options(folder, mode, interval, true, environment), once, timeout, help);
    }

    static final String QUALITY_CHECK = "QUALITY_CHECK";
    static final String IMAGE_VARIANTS = "IMAGE_VARIANTS";

    private static String variants(String value) {
        String given = value.strip();
        if (!given.matches("[1-4]")) {
            throw new IllegalArgumentException("--variants (IMAGE_VARIANTS) is 1, 2, 3 or 4, not " + value);
        }
        return given;
    }

    private static String qualityCheck(String value) {
        if (!value.equals("off") && !value.equals("advisory") && !value.equals("enforce")) {
            throw new IllegalArgumentException("--quality-check (QUALITY_CHECK) is off, advisory or enforce, not " + value);
        }
        return value;
    }

    private static String reviewMode(String value) {
        if (!value.equals("auto") && !value.equals("manual")) {
            throw new IllegalArgumentException("--review (REVIEW_MODE) is auto or manual, not " + value);
        }
        return value;
    }

    private static String value(String[] args, int index) {
        if (index >= args.length) {
            throw new IllegalArgumentException(args[index - 1] + " needs a value\n" + USAGE);
        }
        return args[index];
    }
}
