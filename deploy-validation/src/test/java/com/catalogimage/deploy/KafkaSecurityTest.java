package com.catalogimage.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.catalogimage.contracts.KafkaClientEnvironment;
import com.catalogimage.contracts.Topics;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.KafkaAuthorizationSimple;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import io.strimzi.api.kafka.model.kafka.listener.KafkaListenerAuthenticationScramSha512;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.KafkaUserScramSha512ClientAuthentication;
import io.strimzi.api.kafka.model.user.acl.AclOperation;
import io.strimzi.api.kafka.model.user.acl.AclResourcePatternType;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleGroupResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTransactionalIdResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The trust boundary around Kafka in every tree: one Strimzi {@code KafkaUser} per service whose ACLs cover exactly what
 * the service's configuration consumes, produces and dead-letters (derived from its application.properties), the
 * services logging in as that user over the cluster's SCRAM-SHA-512 TLS listener, a cluster that keeps acks=all writes
 * through the loss of a node, KEDA with a login of its own, and NetworkPolicies that leave each service DNS, Kafka
 * and its dependency, and let the console reach every stage.
 */
class KafkaSecurityTest {

    /** Kafka's {@code entityOperator.userOperator.secretPrefix}: the User Operator's Secret of user U is kafka-U. */
    static final String USER_SECRET_PREFIX = "kafka-";
    static final String KEDA_USER = "keda";

    static List<String> trees() {
        return Manifests.all();
    }

    /**
     * One permission a service needs: an operation on a topic, group or transactional id, by exact name or by every name
     * with a prefix.
     */
    record Need(String type, String name, boolean anyWithThisPrefix, AclOperation operation) {
        @Override
        public String toString() {
            return operation + " " + type + " " + name + (anyWithThisPrefix ? "*" : "");
        }
    }

    /** What the service's channels need, from its configuration alone. */
    static List<Need> needs(ServiceConfig service) {
        List<Need> needs = new ArrayList<>();
        for (ServiceConfig.Channel in : service.incoming().values()) {
            needs.add(new Need("topic", in.topic(), false, AclOperation.READ));
            if (in.groupId() != null) {
                boolean fresh = in.groupId().contains("${");
                String group = fresh ? in.groupId().substring(0, in.groupId().indexOf("${")) : in.groupId();
                needs.add(new Need("group", group, fresh, AclOperation.READ));
            }
            for (String retry : in.retryTopics()) {
                needs.add(new Need("topic", retry, false, AclOperation.READ));
                needs.add(new Need("topic", retry, false, AclOperation.WRITE));
            }
            if (in.deadLetterTopic() != null) {
                needs.add(new Need("topic", in.deadLetterTopic(), false, AclOperation.WRITE));
            }
        }
        for (ServiceConfig.Channel out : service.outgoing().values()) {
            needs.add(new Need("topic", out.topic(), false, AclOperation.WRITE));
            if (out.transactionalId() != null) {
                // A transactional producer (the scanner's, decision 0015) registers and commits under its id.
                needs.add(new Need("transactionalId", out.transactionalId(), false, AclOperation.WRITE));
                needs.add(new Need("transactionalId", out.transactionalId(), false, AclOperation.DESCRIBE));
            }
        }
        return needs;
    }

    static boolean allows(KafkaUser user, Need need) {
        for (AclRule rule : acls(user)) {
            if (rule.getType() == AclRuleType.DENY) {
                continue;
            }
            String name;
            AclResourcePatternType pattern;
            if (rule.getResource() instanceof AclRuleTopicResource topic && need.type().equals("topic")) {
                name = topic.getName();
                pattern = topic.getPatternType();
            } else if (rule.getResource() instanceof AclRuleGroupResource group && need.type().equals("group")) {
                name = group.getName();
                pattern = group.getPatternType();
            } else if (rule.getResource() instanceof AclRuleTransactionalIdResource id && need.type().equals("transactionalId")) {
                name = id.getName();
                pattern = id.getPatternType();
            } else {
                continue;
            }
            boolean covered = pattern == AclResourcePatternType.PREFIX
                    ? need.name().startsWith(name)
                    : !need.anyWithThisPrefix() && need.name().equals(name);
            if (covered && operations(rule).contains(need.operation())) {
                return true;
            }
        }
        return false;
    }

    static List<AclRule> acls(KafkaUser user) {
        return ((KafkaUserAuthorizationSimple) user.getSpec().getAuthorization()).getAcls();
    }

    static Set<AclOperation> operations(AclRule rule) {
        Set<AclOperation> ops = rule.getOperations() == null ? new java.util.HashSet<>() : new java.util.HashSet<>(rule.getOperations());
        if (rule.getOperation() != null) {
            ops.add(rule.getOperation());
        }
        return ops;
    }

    static KafkaUser user(Manifests m, String name) {
        return m.kafkaUsers().stream().filter(u -> u.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(m.name() + ": no KafkaUser " + name));
    }

    @ParameterizedTest
    @MethodSource("trees")
    void everyServiceHasAKafkaUserWhoseAclsCoverItsTopicsAndGroups(String tree) {
        Manifests m = Manifests.load(tree);
        for (ServiceConfig service : ServiceConfig.all()) {
            KafkaUser user = user(m, service.name());
            String what = tree + " KafkaUser " + service.name();
            assertThat(user.getMetadata().getLabels()).as(what).containsEntry("strimzi.io/cluster", cluster(m).getMetadata().getName());
            assertThat(user.getSpec().getAuthentication()).as(what).isInstanceOf(KafkaUserScramSha512ClientAuthentication.class);
            assertThat(user.getSpec().getAuthorization()).as(what).isInstanceOf(KafkaUserAuthorizationSimple.class);
            List<Need> missing = needs(service).stream().filter(need -> !allows(user, need)).toList();
            assertThat(missing).as(what + ": what the service's channels need and its ACLs do not allow").isEmpty();
        }
        // and the check is not vacuous: the generator may not read what the uploader consumes
        assertThat(allows(user(m, "image-generator"), new Need("topic", Topics.STORED_IMAGES, false, AclOperation.READ)))
                .isFalse();
    }

    @ParameterizedTest
    @MethodSource("trees")
    void aclsNameTopicsAndGroupsNeverEverything(String tree) {
        Manifests m = Manifests.load(tree);
        Set<String> retryPrefixes = Topics.all().stream().map(Topics.Spec::name).filter(n -> n.contains("-retry_"))
                .map(n -> n.substring(0, n.indexOf("-retry_") + "-retry_".length())).collect(Collectors.toSet());
        for (KafkaUser user : m.kafkaUsers()) {
            String name = user.getMetadata().getName();
            for (AclRule rule : acls(user)) {
                String what = tree + " KafkaUser " + name + " " + rule.getResource().getType();
                assertThat(rule.getResource()).as(what + ": only topics, groups and transactional ids")
                        .isInstanceOfAny(AclRuleTopicResource.class, AclRuleGroupResource.class,
                                AclRuleTransactionalIdResource.class);
                assertThat(operations(rule)).as(what).doesNotContain(AclOperation.ALL).isNotEmpty();
                if (rule.getResource() instanceof AclRuleTopicResource topic) {
                    assertThat(topic.getName()).as(what).isNotEqualTo("*");
                    if (topic.getPatternType() == AclResourcePatternType.PREFIX) {
                        assertThat(retryPrefixes).as(what + ": a topic prefix is one topic's retries").contains(topic.getName());
                    }
                } else if (rule.getResource() instanceof AclRuleTransactionalIdResource id) {
                    assertThat(id.getName()).as(what + ": the user's own transactional id").isEqualTo(name);
                    assertThat(id.getPatternType()).as(what).isEqualTo(AclResourcePatternType.LITERAL);
                } else if (rule.getResource() instanceof AclRuleGroupResource group) {
                    assertThat(group.getName()).as(what).isNotEqualTo("*");
                    if (group.getPatternType() == AclResourcePatternType.PREFIX) {
                        assertThat(group.getName()).as(what + ": a group prefix is the user's own name").isEqualTo(name);
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("trees")
    void servicesLogInAsTheirUserOverTheScramTlsListener(String tree) {
        Manifests m = Manifests.load(tree);
        Kafka cluster = cluster(m);
        GenericKafkaListener listener = cluster.getSpec().getKafka().getListeners().stream()
                .filter(l -> l.getAuth() instanceof KafkaListenerAuthenticationScramSha512 && l.isTls())
                .findFirst().orElseThrow(() -> new AssertionError(tree + ": no SCRAM-SHA-512 TLS listener"));
        assertThat(cluster.getSpec().getKafka().getListeners()).as(tree + ": every listener authenticates")
                .allSatisfy(l -> assertThat(l.getAuth()).isNotNull());
        assertThat(cluster.getSpec().getKafka().getAuthorization()).isInstanceOf(KafkaAuthorizationSimple.class);
        assertThat(cluster.getSpec().getEntityOperator().getUserOperator().getSecretPrefix()).isEqualTo(USER_SECRET_PREFIX);
        String bootstrap = cluster.getMetadata().getName() + "-kafka-bootstrap:" + listener.getPort();
        for (ServiceConfig service : ServiceConfig.all()) {
            String what = tree + " " + service.name();
            Map<String, String> config = m.configMap(service.name()).getData();
            assertThat(config).as(what)
                    .containsEntry(KafkaClientEnvironment.BOOTSTRAP_SERVERS, bootstrap)
                    .containsEntry(KafkaClientEnvironment.SECURITY_PROTOCOL, "SASL_SSL")
                    .containsEntry(KafkaClientEnvironment.SASL_MECHANISM, "SCRAM-SHA-512")
                    .containsEntry(KafkaClientEnvironment.SASL_USERNAME, service.name())
                    .containsEntry(KafkaClientEnvironment.SSL_TRUSTSTORE_TYPE, "PEM");
            Deployment d = m.deployment(service.name());
            Container c = KubernetesManifestsTest.container(d, service.name());
            assertThat(c.getEnv()).as(what).anySatisfy(env -> {
                assertThat(env.getName()).isEqualTo(KafkaClientEnvironment.SASL_PASSWORD);
                assertThat(env.getValueFrom().getSecretKeyRef().getName()).isEqualTo(USER_SECRET_PREFIX + service.name());
            });
            String truststore = config.get(KafkaClientEnvironment.SSL_TRUSTSTORE_LOCATION);
            VolumeMount mount = c.getVolumeMounts().stream().filter(v -> truststore.startsWith(v.getMountPath() + "/"))
                    .findFirst().orElseThrow(() -> new AssertionError(what + ": nothing mounted at " + truststore));
            Volume volume = d.getSpec().getTemplate().getSpec().getVolumes().stream()
                    .filter(v -> v.getName().equals(mount.getName())).findFirst().orElseThrow();
            assertThat(volume.getSecret().getSecretName()).as(what + ": the trust store is the cluster CA")
                    .isEqualTo(cluster.getMetadata().getName() + "-cluster-ca-cert");
        }
    }

    @ParameterizedTest
    @MethodSource("trees")
    void aClusterOfThreeKeepsAcksAllWritesThroughTheLossOfANode(String tree) {
        Manifests m = Manifests.load(tree);
        Kafka cluster = cluster(m);
        int brokers = m.nodePools().stream()
                .filter(p -> cluster.getMetadata().getName().equals(p.getMetadata().getLabels().get("strimzi.io/cluster")))
                .filter(p -> p.getSpec().getRoles().contains(ProcessRoles.BROKER))
                .mapToInt(p -> p.getSpec().getReplicas()).sum();
        Map<String, Object> config = cluster.getSpec().getKafka().getConfig();
        int minInSync = Integer.parseInt(String.valueOf(config.get("min.insync.replicas")));
        int replication = Integer.parseInt(String.valueOf(config.get("default.replication.factor")));
        if (tree.equals(Manifests.BASE) || tree.endsWith("azure")) {
            assertThat(brokers).as(tree + " brokers").isEqualTo(3);
            assertThat(minInSync).as(tree + " min.insync.replicas").isEqualTo(2);
        }
        assertThat(replication).as(tree).isEqualTo(brokers);
        assertThat(minInSync).as(tree + ": one node may be down").isEqualTo(Math.max(1, brokers - 1));
        assertThat(m.topics()).as(tree + ": every topic on every broker")
                .allSatisfy(t -> assertThat(t.getSpec().getReplicas()).isEqualTo(brokers));
    }

    @ParameterizedTest
    @MethodSource("trees")
    void kedaReadsTheLagAsAUserOfItsOwn(String tree) {
        Manifests m = Manifests.load(tree);
        KafkaUser keda = user(m, KEDA_USER);
        for (Keda.ScaledObject scaled : m.scaledObjects()) {
            for (Keda.Trigger trigger : scaled.spec().triggers()) {
                String what = tree + " ScaledObject " + scaled.metadata().name();
                assertThat(trigger.metadata().sasl()).as(what).isEqualTo("scram_sha512");
                assertThat(trigger.metadata().tls()).as(what).isEqualTo("enable");
                Keda.TriggerAuthentication auth = m.triggerAuthentications().stream()
                        .filter(a -> a.metadata().name().equals(trigger.authenticationRef().name())).findFirst()
                        .orElseThrow(() -> new AssertionError(what + ": no TriggerAuthentication " + trigger.authenticationRef()));
                assertThat(auth.spec().secretTargetRef()).as(what)
                        .contains(new Keda.SecretTargetRef("password", USER_SECRET_PREFIX + KEDA_USER, "password"));
                assertThat(allows(keda, new Need("topic", trigger.metadata().topic(), false, AclOperation.DESCRIBE))
                        && allows(keda, new Need("group", trigger.metadata().consumerGroup(), false, AclOperation.DESCRIBE)))
                        .as(what + ": keda may describe the topic and group").isTrue();
            }
        }
        assertThat(acls(keda)).as(tree + ": keda only describes").allSatisfy(rule ->
                assertThat(operations(rule)).containsOnly(AclOperation.DESCRIBE));
    }

    @ParameterizedTest
    @MethodSource("trees")
    void networkPoliciesLeaveEachServiceDnsKafkaAndItsDependency(String tree) {
        Manifests m = Manifests.load(tree);
        int kafkaPort = cluster(m).getSpec().getKafka().getListeners().stream()
                .filter(l -> l.getAuth() instanceof KafkaListenerAuthenticationScramSha512)
                .findFirst().orElseThrow().getPort();
        for (ServiceConfig service : ServiceConfig.all()) {
            String what = tree + " " + service.name();
            Map<String, String> pod = m.deployment(service.name()).getSpec().getTemplate().getMetadata().getLabels();
            List<NetworkPolicy> selecting = m.networkPolicies().stream()
                    .filter(p -> selects(p.getSpec().getPodSelector(), pod)).toList();
            assertThat(selecting).as(what + ": a default deny of both directions").anySatisfy(p -> {
                assertThat(p.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
                assertThat(p.getSpec().getIngress()).isNullOrEmpty();
                assertThat(p.getSpec().getEgress()).isNullOrEmpty();
            });
            Set<Integer> egressPorts = selecting.stream().filter(p -> p.getSpec().getPolicyTypes().contains("Egress"))
                    .flatMap(p -> p.getSpec().getEgress() == null ? java.util.stream.Stream.empty() : p.getSpec().getEgress().stream())
                    .flatMap(rule -> rule.getPorts().stream()).map(port -> port.getPort().getIntVal()).filter(java.util.Objects::nonNull)
                    .collect(Collectors.toSet());
            assertThat(egressPorts).as(what + ": egress to DNS and the Kafka listener").contains(53, kafkaPort);
            assertThat(egressPorts).as(what + ": egress to its dependency").anyMatch(port -> port != 53 && port != kafkaPort);
            for (NetworkPolicy policy : selecting) {
                if (policy.getSpec().getIngress() == null) {
                    continue;
                }
                policy.getSpec().getIngress().forEach(rule -> {
                    boolean metrics = rule.getFrom().stream().allMatch(KafkaSecurityTest::fromMonitoring);
                    boolean console = rule.getFrom().stream().allMatch(peer -> fromPods(peer, CONSOLE));
                    boolean operators = OPERATOR_FACING.contains(service.name()) && rule.getPorts().stream()
                            .allMatch(port -> toHttpPort(port, service));
                    assertThat(metrics || console || operators).as(what + ": ingress " + policy.getMetadata().getName()
                            + " is neither metrics scraping, nor the console, nor the scanner's or the console's"
                            + " operators' access").isTrue();
                    assertThat(rule.getPorts()).as(what + ": ingress only to the HTTP port")
                            .allMatch(port -> toHttpPort(port, service)).isNotEmpty();
                });
            }
        }
    }

    /**
     * The console reads every stage's readiness and metrics and calls the scanner's operators' API: in every tree its
     * egress reaches each stage's HTTP port and each stage lets it in.
     */
    @ParameterizedTest
    @MethodSource("trees")
    void theConsoleReachesEveryStagesHttpPortAndEachStageLetsItIn(String tree) {
        Manifests m = Manifests.load(tree);
        Map<String, String> consolePod = m.deployment(CONSOLE).getSpec().getTemplate().getMetadata().getLabels();
        List<NetworkPolicy> fromConsole = m.networkPolicies().stream()
                .filter(p -> selects(p.getSpec().getPodSelector(), consolePod))
                .filter(p -> p.getSpec().getPolicyTypes().contains("Egress") && p.getSpec().getEgress() != null).toList();
        for (ServiceConfig service : ServiceConfig.all()) {
            if (service.name().equals(CONSOLE)) {
                continue;
            }
            String what = tree + " " + CONSOLE + " -> " + service.name();
            Map<String, String> pod = m.deployment(service.name()).getSpec().getTemplate().getMetadata().getLabels();
            assertThat(fromConsole.stream().flatMap(p -> p.getSpec().getEgress().stream())).as(what + ": egress")
                    .anySatisfy(rule -> {
                        assertThat(rule.getTo()).anyMatch(peer -> peer.getPodSelector() != null
                                && selects(peer.getPodSelector(), pod));
                        assertThat(rule.getPorts()).anyMatch(port -> Integer.valueOf(service.httpPort())
                                .equals(port.getPort().getIntVal()));
                    });
            assertThat(m.networkPolicies().stream().filter(p -> selects(p.getSpec().getPodSelector(), pod))
                    .filter(p -> p.getSpec().getIngress() != null).flatMap(p -> p.getSpec().getIngress().stream()))
                    .as(what + ": ingress").anySatisfy(rule -> {
                        assertThat(rule.getFrom()).anyMatch(peer -> fromPods(peer, CONSOLE));
                        assertThat(rule.getPorts()).anyMatch(port -> toHttpPort(port, service));
                    });
        }
    }

    /** The operator console, which calls the stages' HTTP ports. */
    static final String CONSOLE = "operator-console";
    /** Services that operators' tooling (an ingress controller, a bastion) may reach: the scanner's API, the console. */
    static final Set<String> OPERATOR_FACING = Set.of("product-scanner", CONSOLE);

    /** A peer that is the pods of one service in this namespace (a pod selector by app name, no namespace selector). */
    private static boolean fromPods(NetworkPolicyPeer peer, String name) {
        return peer.getNamespaceSelector() == null && peer.getIpBlock() == null && peer.getPodSelector() != null
                && peer.getPodSelector().getMatchLabels() != null
                && name.equals(peer.getPodSelector().getMatchLabels().get("app.kubernetes.io/name"));
    }

    /** The service's port, by number or by the container port's name (http, checked in KubernetesManifestsTest). */
    private static boolean toHttpPort(NetworkPolicyPort port, ServiceConfig service) {
        return "http".equals(port.getPort().getStrVal()) || Integer.valueOf(service.httpPort()).equals(port.getPort().getIntVal());
    }

    private static boolean fromMonitoring(NetworkPolicyPeer peer) {
        return peer.getPodSelector() == null && peer.getIpBlock() == null && peer.getNamespaceSelector() != null
                && "monitoring".equals(peer.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name"));
    }

    /** Whether a selector (matchLabels only, as the manifests use) picks pods with these labels. */
    static boolean selects(LabelSelector selector, Map<String, String> labels) {
        assertThat(selector.getMatchExpressions()).as("matchExpressions are not modelled here").isNullOrEmpty();
        Map<String, String> wanted = selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels();
        return wanted.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }

    static Kafka cluster(Manifests m) {
        assertThat(m.kafkas()).as(m.name() + ": one Kafka cluster").hasSize(1);
        return m.kafkas().get(0);
    }
}
