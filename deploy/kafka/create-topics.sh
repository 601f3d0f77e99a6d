#!/usr/bin/env bash
# Creates every pipeline topic with its partitions and configs: the same list as Topics.all() in pipeline-contracts
# (deploy-validation's TopicConsistencyTest fails when they differ). Run once by compose's kafka-topics service, inside the
# apache/kafka image; idempotent (--if-not-exists; an existing topic keeps its settings).
set -euo pipefail

BOOTSTRAP="${KAFKA_BOOTSTRAP_SERVERS:-kafka:9092}"
REPLICATION_FACTOR="${REPLICATION_FACTOR:-1}"
KAFKA_TOPICS=/opt/kafka/bin/kafka-topics.sh

# topic <name> <partitions> [config=value ...]
topic() {
  local name="$1" partitions="$2"
  shift 2
  local configs=()
  for config in "$@"; do
    configs+=(--config "$config")
  done
  "$KAFKA_TOPICS" --bootstrap-server "$BOOTSTRAP" --create --if-not-exists \
    --topic "$name" --partitions "$partitions" --replication-factor "$REPLICATION_FACTOR" "${configs[@]}"
}

topic image-requests 6 max.message.bytes=16777216
topic image-requests-retry_10000 6 max.message.bytes=16777216
topic image-requests-retry_20000 6 max.message.bytes=16777216
topic image-requests-retry_50000 6 max.message.bytes=16777216
topic generated-images 6 max.message.bytes=16777216
topic generated-images-retry_10000 6 max.message.bytes=16777216
topic generated-images-retry_20000 6 max.message.bytes=16777216
topic generated-images-retry_50000 6 max.message.bytes=16777216
topic stored-images 6 max.message.bytes=16777216
topic stored-images-retry_10000 6 max.message.bytes=16777216
topic stored-images-retry_20000 6 max.message.bytes=16777216
topic stored-images-retry_50000 6 max.message.bytes=16777216
topic image-status 6 cleanup.policy=compact min.compaction.lag.ms=60000 segment.ms=3600000
topic paid-generations 6 cleanup.policy=compact,delete retention.ms=2592000000 min.compaction.lag.ms=60000 segment.ms=3600000
# The review gate (REVIEW_MODE=manual): the latest image waiting per product (compacted), and reviewers' decisions
# (kept a year: who decided what, and when).
topic images-awaiting-review 6 cleanup.policy=compact min.compaction.lag.ms=60000 segment.ms=3600000
topic review-decisions 6 retention.ms=31536000000
# Each category's prompt template (the console's playground writes it, the generator follows it): the latest per category.
topic category-templates 1 cleanup.policy=compact min.compaction.lag.ms=60000 segment.ms=3600000
topic image-dead-letters 6 max.message.bytes=16777216 retention.ms=2592000000

"$KAFKA_TOPICS" --bootstrap-server "$BOOTSTRAP" --list
