package com.catalogimage.localstack.testing;

import com.catalogimage.contracts.Topics;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.config.PropertiesConfigSourceLoader;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the delayed-retry topics the service's test profile names ({@code %test.mp.messaging.incoming.<channel>
 * .delayed-retry-topic.topics}, short delays so a record goes through all its retries in a second or two instead of
 * eighty), each like its source topic in {@link Topics#all()}: same partition count, same configs. Use it next to
 * {@link KafkaTestResource}; topics that already exist are left as they are.
 */
public class RetryTopicsTestResource implements QuarkusTestResourceLifecycleManager {

    private static final Pattern RETRY_TOPICS =
            Pattern.compile("mp\\.messaging\\.incoming\\.(.+)\\.delayed-retry-topic\\.topics");

    private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(30);

    /** Quarkus reads {@code application.properties} with this ordinal. */
    private static final int APPLICATION_PROPERTIES_ORDINAL = 250;

    @Override
    public Map<String, String> start() {
        SmallRyeConfig config = testConfig();
        Set<String> existing = KafkaTestResource.companion().topics().list();
        List<NewTopic> missing = StreamSupport.stream(config.getPropertyNames().spliterator(), false)
                .flatMap(name -> retryTopics(config, name).stream())
                .filter(topic -> !existing.contains(topic.name()))
                .distinct()
                .toList();
        if (!missing.isEmpty()) {
            try {
                KafkaTestResource.companion().topics().create(missing);
            } catch (RuntimeException e) {
                if (!createdMeanwhile(e)) {
                    throw new IllegalStateException("Cannot create the test's retry topics " + missing, e);
                }
            }
            awaitVisible(missing.stream().map(NewTopic::name).toList());
        }
        return Map.of();
    }

    /** Created is not yet visible to every client: wait, so the application finds them when it starts. */
    private static void awaitVisible(List<String> topics) {
        long deadline = System.nanoTime() + VISIBLE_WITHIN.toNanos();
        while (!KafkaTestResource.companion().topics().list().containsAll(topics)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Retry topics " + topics + " not visible within " + VISIBLE_WITHIN);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + topics, e);
            }
        }
    }

    @Override
    public void stop() {
        // the topics stay on the shared broker with the module's other test classes
    }

    /** Another process created one of them first (possible on an external broker). */
    private static boolean createdMeanwhile(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TopicExistsException) {
                return true;
            }
        }
        return false;
    }

    /** The retry topics one property names, shaped like the channel's source topic; none if it is another property. */
    private static List<NewTopic> retryTopics(SmallRyeConfig config, String property) {
        Matcher retry = RETRY_TOPICS.matcher(property);
        if (!retry.matches()) {
            return List.of();
        }
        String channel = retry.group(1);
        String source = config.getOptionalValue("mp.messaging.incoming." + channel + ".topic", String.class)
                .orElse(channel);
        Topics.Spec spec = Topics.all().stream().filter(candidate -> candidate.name().equals(source)).findFirst()
                .orElseThrow(() -> new IllegalStateException("Channel " + channel + " reads " + source
                        + ", which is not a topic of Topics.all(): cannot shape its retry topics"));
        return config.getValues(property, String.class).stream()
                .map(topic -> new NewTopic(topic, spec.partitions(), (short) 1).configs(spec.configs()))
                .toList();
    }

    /** The service's configuration in the test profile, as the application will see it. */
    private static SmallRyeConfig testConfig() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = RetryTopicsTestResource.class.getClassLoader();
        }
        return new SmallRyeConfigBuilder()
                .forClassLoader(loader)
                .addDefaultSources()
                .withSources(PropertiesConfigSourceLoader.inClassPath("application.properties",
                        APPLICATION_PROPERTIES_ORDINAL, loader))
                .withProfile(System.getProperty("quarkus.test.profile", "test"))
                .build();
    }
}
