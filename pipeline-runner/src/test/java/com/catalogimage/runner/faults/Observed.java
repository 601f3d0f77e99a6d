package com.catalogimage.runner.faults;

import com.catalogimage.contracts.ProductStatus;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * What a run left behind, read once it ended.
 *
 * @param products     the products without an image when the run started, id to name
 * @param history      every status event on the status topic, in partition order
 * @param latest       the latest status per product
 * @param deadLetters  every record on the dead-letter topic
 * @param catalog      every catalog row as DAB returns it, by id
 */
record Observed(Map<Long, String> products, List<ProductStatus> history, Map<Long, ProductStatus> latest,
                List<TopicSnapshot.DeadLetter> deadLetters, Map<Long, JsonNode> catalog) {
}
