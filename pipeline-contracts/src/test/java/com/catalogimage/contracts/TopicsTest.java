package com.catalogimage.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TopicsTest {

    private final Map<String, Topics.Spec> byName =
            Topics.all().stream().collect(Collectors.toMap(Topics.Spec::name, Function.identity()));

    @Test
    void retryTopicsHaveTheirSourcesPartitionCount() {
        for (String source : new String[] {Topics.IMAGE_REQUESTS, Topics.GENERATED_IMAGES, Topics.STORED_IMAGES}) {
            assertThat(Topics.retryTopics(source)).hasSize(Topics.RETRY_DELAYS_MS.size())
                    .allSatisfy(retry -> assertThat(byName.get(retry).partitions()).isEqualTo(byName.get(source).partitions()));
        }
    }

    @Test
    void retryTopicsCarryTheirDelayAfterTheLastUnderscoreAsSmallRyeReadsIt() {
        List<String> names = Topics.retryTopics(Topics.IMAGE_REQUESTS);
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            assertThat(Integer.parseInt(name.substring(name.lastIndexOf('_') + 1))).isEqualTo(Topics.RETRY_DELAYS_MS.get(i));
        }
    }

    @Test
    void statusTopicIsCompactedAndImageCarryingTopicsAcceptLargeRecords() {
        assertThat(byName.get(Topics.IMAGE_STATUS).configs()).containsEntry("cleanup.policy", "compact");
        assertThat(byName.get(Topics.GENERATED_IMAGES).configs())
                .containsEntry("max.message.bytes", String.valueOf(Topics.MAX_MESSAGE_BYTES));
        assertThat(byName.get(Topics.DEAD_LETTERS).configs())
                .containsEntry("max.message.bytes", String.valueOf(Topics.MAX_MESSAGE_BYTES));
    }

    @Test
    void theLedgerKeepsEveryRequestIdForLongerThanAnyRecordCanComeBack() {
        assertThat(byName.get(Topics.PAID_GENERATIONS).configs())
                .containsEntry("cleanup.policy", "compact,delete")
                .containsEntry("retention.ms", String.valueOf(Topics.LEDGER_RETENTION_MS));
        long deadLetterRetention = Long.parseLong(byName.get(Topics.DEAD_LETTERS).configs().get("retention.ms"));
        assertThat(Topics.LEDGER_RETENTION_MS).isGreaterThanOrEqualTo(deadLetterRetention);
    }

    @Test
    void reviewDecisionsAreAHistoryNeverCompacted() {
        assertThat(byName.get(Topics.REVIEW_DECISIONS).configs())
                .doesNotContainKey("cleanup.policy")
                .containsEntry("retention.ms", String.valueOf(Topics.REVIEW_DECISIONS_RETENTION_MS));
    }

    @Test
    void topicNamesAreUnique() {
        assertThat(Topics.all()).extracting(Topics.Spec::name).doesNotHaveDuplicates();
    }
}
