package com.catalogimage.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.catalogimage.contracts.Topics;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Topics in compose's script and in the Strimzi resources, and KEDA's scaling, against Topics and the services. */
class TopicsAndScalingTest {

    private static final Pattern SCRIPT_TOPIC = Pattern.compile("(?m)^topic\\s+(\\S+)\\s+(\\d+)((?:\\s+\\S+=\\S+)*)\\s*$");

    /** Topics.all() as name -> (partitions, configs), the one source of truth. */
    static Map<String, Topics.Spec> expected() {
        Map<String, Topics.Spec> map = new TreeMap<>();
        Topics.all().forEach(s -> map.put(s.name(), new Topics.Spec(s.name(), s.partitions(), new TreeMap<>(s.configs()))));
        return map;
    }

    static Map<String, Topics.Spec> parseScript(String script) {
        Map<String, Topics.Spec> map = new TreeMap<>();
        Matcher m = SCRIPT_TOPIC.matcher(script);
        while (m.find()) {
            Map<String, String> configs = new TreeMap<>();
            for (String pair : m.group(3).trim().split("\\s+")) {
                if (!pair.isEmpty()) {
                    configs.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
                }
            }
            Topics.Spec previous = map.put(m.group(1), new Topics.Spec(m.group(1), Integer.parseInt(m.group(2)), configs));
            assertThat(previous).as("topic " + m.group(1) + " twice in the script").isNull();
        }
        return map;
    }

    @Test
    void composeTopicScriptCreatesExactlyTopicsAll() {
        String script = Repo.read("deploy/kafka/create-topics.sh");
        assertThat(parseScript(script)).isEqualTo(expected());
        // and the parse is not vacuous: a changed partition count is seen
        assertThat(parseScript(script.replace("topic image-status 6", "topic image-status 3"))).isNotEqualTo(expected());
    }

    @Test
    void strimziTopicsAreExactlyTopicsAllInEveryTree() {
        for (String tree : Manifests.all()) {
            Map<String, Topics.Spec> actual = new TreeMap<>();
            for (KafkaTopic t : Manifests.load(tree).topics()) {
                String name = t.getSpec().getTopicName() != null ? t.getSpec().getTopicName() : t.getMetadata().getName();
                Map<String, String> configs = new TreeMap<>();
                t.getSpec().getConfig().forEach((k, v) -> configs.put(k, String.valueOf(v)));
                actual.put(name, new Topics.Spec(name, t.getSpec().getPartitions(), configs));
                assertThat(t.getMetadata().getLabels()).as(tree + " " + name).containsKey("strimzi.io/cluster");
                assertThat(t.getSpec().getReplicas()).as(tree + " " + name).isPositive();
            }
            assertThat(actual).as(tree).isEqualTo(expected());
        }
    }

    @Test
    void retryTopicsMatchTheirSourceAndStatusIsCompacted() {
        Map<String, Topics.Spec> all = expected();
        for (String source : List.of(Topics.IMAGE_REQUESTS, Topics.GENERATED_IMAGES, Topics.STORED_IMAGES)) {
            Topics.retryTopics(source).forEach(retry -> assertThat(all.get(retry).partitions()).isEqualTo(all.get(source).partitions()));
        }
        assertThat(all.get(Topics.IMAGE_STATUS).configs()).containsEntry("cleanup.policy", "compact");
    }

    @Test
    void everyTopicAServiceUsesExistsAndLargeRecordsFitTheirTopic() {
        Map<String, Topics.Spec> all = expected();
        for (ServiceConfig service : ServiceConfig.all()) {
            List<ServiceConfig.Channel> channels = new ArrayList<>(service.incoming().values());
            channels.addAll(service.outgoing().values());
            for (ServiceConfig.Channel c : channels) {
                assertThat(all).as(service.name() + " channel " + c.name()).containsKey(c.topic());
                if (c.deadLetterTopic() != null) {
                    assertThat(all).as(service.name() + " dead letters").containsKey(c.deadLetterTopic());
                }
                if (c.maxRequestSize() != null) {
                    int topicMax = Integer.parseInt(all.get(c.topic()).configs().getOrDefault("max.message.bytes", "1048588"));
                    assertThat(c.maxRequestSize()).as(service.name() + " sends to " + c.topic()).isLessThanOrEqualTo(topicMax);
                    assertThat(topicMax).isEqualTo(Topics.MAX_MESSAGE_BYTES);
                }
            }
        }
    }

    @Test
    void kedaScalesEachStageOnItsOwnGroupAndTopicWithinThePartitions() {
        for (String tree : Manifests.all()) {
            Manifests m = Manifests.load(tree);
            Map<String, Keda.ScaledObject> byTarget = new LinkedHashMap<>();
            m.scaledObjects().forEach(s -> byTarget.put(s.spec().scaleTargetRef().name(), s));
            for (ServiceConfig service : ServiceConfig.all()) {
                if (!service.hasStableConsumerGroup()) {
                    assertThat(byTarget).as(tree + ": " + service.name() + " must not scale").doesNotContainKey(service.name());
                    continue;
                }
                Keda.ScaledObject so = byTarget.get(service.name());
                assertThat(so).as(tree + " " + service.name()).isNotNull();
                assertThat(so.apiVersion()).isEqualTo("keda.sh/v1alpha1");
                ServiceConfig.Channel in = service.consumerChannel();
                assertThat(so.spec().triggers()).as(tree + " " + service.name()).singleElement().satisfies(t -> {
                    assertThat(t.type()).isEqualTo("kafka");
                    assertThat(t.metadata().consumerGroup()).isEqualTo(in.groupId());
                    assertThat(t.metadata().topic()).isEqualTo(in.topic());
                    assertThat(Integer.parseInt(t.metadata().lagThreshold())).isPositive();
                    assertThat(t.metadata().bootstrapServers())
                            .isEqualTo(m.configMap(service.name()).getData().get("KAFKA_BOOTSTRAP_SERVERS"));
                });
                int partitions = expected().get(in.topic()).partitions();
                assertThat(so.spec().maxReplicaCount()).as(tree + " " + service.name() + " max replicas")
                        .isBetween(1, partitions);
                assertThat(so.spec().minReplicaCount()).isLessThanOrEqualTo(so.spec().maxReplicaCount());
            }
        }
    }

    /**
     * replicas x per-instance rate limit (AZURE_OPENAI_RPM) <= quota (docs/decisions/0010). The limit is the generator's
     * AZURE_OPENAI_RPM as deployed (ConfigMap), else its default in application.properties.
     */
    @Test
    void theGeneratorsCeilingFollowsFromTheImageQuota() {
        ServiceConfig generator = ServiceConfig.byName().get("image-generator");
        for (String tree : Manifests.all()) {
            Manifests m = Manifests.load(tree);
            Keda.ScaledObject so = m.scaledObjects().stream()
                    .filter(s -> s.spec().scaleTargetRef().name().equals("image-generator")).findFirst().orElseThrow();
            int quotaRpm = Integer.parseInt(so.metadata().annotations().get("catalog-image.io/image-quota-rpm"));
            int perInstanceRpm = Integer.parseInt(m.configMap("image-generator").getData()
                    .getOrDefault("AZURE_OPENAI_RPM", generator.envDefaults().get("AZURE_OPENAI_RPM")));
            int ceiling = quotaRpm / perInstanceRpm;
            assertThat(ceiling).as(tree + ": even one generator exceeds the quota; lower AZURE_OPENAI_RPM").isPositive();
            assertThat(so.spec().maxReplicaCount()).as(tree + ": generator replicas within the image quota")
                    .isLessThanOrEqualTo(ceiling);
        }
    }
}
