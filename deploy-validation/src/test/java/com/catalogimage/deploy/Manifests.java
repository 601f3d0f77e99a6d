package com.catalogimage.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Collections;

/**
 * A rendered Kustomize tree (base or overlay) read into typed models: fabric8 for Kubernetes, Strimzi's own classes for
 * Kafka, KafkaNodePool, KafkaTopic and KafkaUser, {@link Keda} records for ScaledObject and TriggerAuthentication. fabric8 and Strimzi keep unknown fields in
 * {@code additionalProperties} instead of failing, so every parsed object graph is walked and any non-empty
 * {@code additionalProperties} is an error: a misspelt or misplaced field fails the test, as the API server would.
 */
record Manifests(String name, List<Deployment> deployments, List<Service> services, List<ConfigMap> configMaps,
                 List<ServiceAccount> serviceAccounts, List<PodDisruptionBudget> disruptionBudgets,
                 List<KafkaTopic> topics, List<Keda.ScaledObject> scaledObjects, List<Kafka> kafkas,
                 List<KafkaNodePool> nodePools, List<KafkaUser> kafkaUsers, List<NetworkPolicy> networkPolicies,
                 List<Keda.TriggerAuthentication> triggerAuthentications) {

    static final String BASE = "deploy/k8s/base";
    static final List<String> OVERLAYS = List.of("deploy/k8s/overlays/local", "deploy/k8s/overlays/azure");

    static List<String> all() {
        List<String> all = new ArrayList<>();
        all.add(BASE);
        all.addAll(OVERLAYS);
        return all;
    }

    static Manifests load(String dir) {
        return of(dir, Kustomize.render(Repo.path(dir)));
    }

    static Manifests of(String name, List<ObjectNode> resources) {
        Manifests m = new Manifests(name, new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (ObjectNode r : resources) {
            String type = r.path("apiVersion").asText() + " " + r.path("kind").asText();
            String where = name + ": " + type + " " + r.path("metadata").path("name").asText();
            switch (type) {
                case "apps/v1 Deployment" -> m.deployments.add(typed(r, Deployment.class, where));
                case "v1 Service" -> m.services.add(typed(r, Service.class, where));
                case "v1 ConfigMap" -> m.configMaps.add(typed(r, ConfigMap.class, where));
                case "v1 ServiceAccount" -> m.serviceAccounts.add(typed(r, ServiceAccount.class, where));
                case "policy/v1 PodDisruptionBudget" -> m.disruptionBudgets.add(typed(r, PodDisruptionBudget.class, where));
                case "kafka.strimzi.io/v1beta2 KafkaTopic" -> m.topics.add(typed(r, KafkaTopic.class, where));
                case "keda.sh/v1alpha1 ScaledObject" -> m.scaledObjects.add(typed(r, Keda.ScaledObject.class, where));
                case "keda.sh/v1alpha1 TriggerAuthentication" ->
                        m.triggerAuthentications.add(typed(r, Keda.TriggerAuthentication.class, where));
                case "kafka.strimzi.io/v1beta2 Kafka" -> m.kafkas.add(typed(r, Kafka.class, where));
                case "kafka.strimzi.io/v1beta2 KafkaNodePool" -> m.nodePools.add(typed(r, KafkaNodePool.class, where));
                case "kafka.strimzi.io/v1beta2 KafkaUser" -> m.kafkaUsers.add(typed(r, KafkaUser.class, where));
                case "networking.k8s.io/v1 NetworkPolicy" -> m.networkPolicies.add(typed(r, NetworkPolicy.class, where));
                default -> throw new AssertionError(where + ": a kind deploy-validation does not model; add it to Manifests");
            }
        }
        return m;
    }

    static <T> T typed(JsonNode node, Class<T> type, String where) {
        T value;
        try {
            value = Repo.YAML.treeToValue(node, type);
        } catch (Exception e) {
            throw new AssertionError(where + " does not parse as " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
        List<String> unknown = new ArrayList<>();
        unknownFields(value, type.getSimpleName(), unknown, Collections.newSetFromMap(new IdentityHashMap<>()));
        if (!unknown.isEmpty()) {
            throw new AssertionError(where + " has fields its model does not know: " + unknown);
        }
        return value;
    }

    /** Collects every non-empty additionalProperties in the object graph, with its path. */
    static void unknownFields(Object value, String path, List<String> out, Set<Object> seen) {
        if (value == null || !seen.add(value)) {
            return;
        }
        if (value instanceof Collection<?> list) {
            int i = 0;
            for (Object item : list) {
                unknownFields(item, path + "[" + i++ + "]", out, seen);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> unknownFields(v, path + "." + k, out, seen));
            return;
        }
        String pkg = value.getClass().getPackageName();
        if (!pkg.startsWith("io.fabric8.kubernetes.api.model") && !pkg.startsWith("io.strimzi.api")) {
            return;
        }
        for (Method method : value.getClass().getMethods()) {
            if (method.getParameterCount() != 0 || Modifier.isStatic(method.getModifiers())
                    || !method.getName().startsWith("get") || method.getName().equals("getClass")) {
                continue;
            }
            Object child;
            try {
                child = method.invoke(value);
            } catch (ReflectiveOperationException | RuntimeException e) {
                continue;
            }
            if (method.getName().equals("getAdditionalProperties")) {
                if (child instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    out.add(path + " " + extra.keySet());
                }
            } else {
                String field = Character.toLowerCase(method.getName().charAt(3)) + method.getName().substring(4);
                unknownFields(child, path + "." + field, out, seen);
            }
        }
    }

    Deployment deployment(String service) {
        return deployments.stream().filter(d -> d.getMetadata().getName().equals(service)).findFirst()
                .orElseThrow(() -> new AssertionError(name + ": no Deployment " + service));
    }

    ConfigMap configMap(String service) {
        return configMaps.stream().filter(c -> c.getMetadata().getName().equals(service)).findFirst()
                .orElseThrow(() -> new AssertionError(name + ": no ConfigMap " + service));
    }

    static Path dir(String relative) {
        return Repo.path(relative);
    }
}
