package com.catalogimage.deploy;

import java.util.List;
import java.util.Map;

/**
 * KEDA's {@code ScaledObject} and {@code TriggerAuthentication} ({@code keda.sh/v1alpha1}) as typed records: KEDA publishes no Java model, so the fields
 * our manifests may use are declared here and anything else fails the strict mapper (docs/decisions/0007). Field names
 * follow KEDA's CRD; the kafka trigger's metadata is typed too.
 */
final class Keda {

    private Keda() {
    }

    record ScaledObject(String apiVersion, String kind, Metadata metadata, Spec spec) {
    }

    record Metadata(String name, String namespace, Map<String, String> labels, Map<String, String> annotations) {
    }

    record Spec(ScaleTargetRef scaleTargetRef, Integer pollingInterval, Integer cooldownPeriod, Integer minReplicaCount,
                Integer maxReplicaCount, Integer idleReplicaCount, List<Trigger> triggers) {
    }

    record ScaleTargetRef(String apiVersion, String kind, String name) {
    }

    record Trigger(String type, String name, KafkaMetadata metadata, AuthenticationRef authenticationRef) {
    }

    record AuthenticationRef(String name, String kind) {
    }

    /** KEDA's kafka scaler metadata: every value is a string in the CRD. */
    record KafkaMetadata(String bootstrapServers, String consumerGroup, String topic, String lagThreshold,
                         String activationLagThreshold, String offsetResetPolicy, String allowIdleConsumers,
                         String limitToPartitionsWithLag, String excludePersistentLag, String sasl, String tls) {
    }

    record TriggerAuthentication(String apiVersion, String kind, Metadata metadata, TriggerAuthenticationSpec spec) {
    }

    record TriggerAuthenticationSpec(List<SecretTargetRef> secretTargetRef) {
    }

    /** One scaler parameter (the kafka scaler's username, password, ca, ...) from a key of a Secret. */
    record SecretTargetRef(String parameter, String name, String key) {
    }
}
