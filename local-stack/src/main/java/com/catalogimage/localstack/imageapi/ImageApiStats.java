package com.catalogimage.localstack.imageapi;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the emulator has seen, so tests can prove the pipeline generated each image once: successful generations (200s)
 * in total, per exact prompt, per request id and per deployment, plus every request, every 429 and every status per
 * deployment. The request id is the body's {@code user} field, else the {@code x-ms-client-request-id} header; a success
 * with neither is counted in the totals only. Thread-safe; the maps returned are snapshots.
 */
public final class ImageApiStats {

    private final LongAdder generations = new LongAdder();
    private final LongAdder images = new LongAdder();
    private final Map<String, AtomicLong> byPrompt = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> byRequestId = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> generationsByDeployment = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> requestsByDeployment = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> throttledByDeployment = new ConcurrentHashMap<>();
    private final Map<Integer, AtomicLong> byStatus = new ConcurrentHashMap<>();
    private final LongAdder chatCompletions = new LongAdder();
    private final Map<String, AtomicLong> chatByDeployment = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> chatBySchema = new ConcurrentHashMap<>();
    private final LongAdder chatPromptTokens = new LongAdder();
    private final LongAdder chatCompletionTokens = new LongAdder();

    ImageApiStats() {
    }

    void recordRequest(String deployment) {
        increment(requestsByDeployment, deployment);
    }

    void recordThrottled(String deployment) {
        increment(throttledByDeployment, deployment);
    }

    void recordStatus(int status) {
        increment(byStatus, status);
    }

    void recordGeneration(String deployment, String prompt, String requestId, int imageCount) {
        generations.increment();
        images.add(imageCount);
        increment(byPrompt, prompt);
        increment(generationsByDeployment, deployment);
        if (requestId != null && !requestId.isEmpty()) {
            increment(byRequestId, requestId);
        }
    }

    /**
     * A chat completion answered 200; {@code schema} is the structured output's name ({@code "text"} without one).
     * Kept apart from the image counters, which count paid images.
     */
    void recordChatCompletion(String deployment, String schema, long promptTokens, long completionTokens) {
        chatCompletions.increment();
        increment(chatByDeployment, deployment);
        increment(chatBySchema, schema);
        chatPromptTokens.add(promptTokens);
        chatCompletionTokens.add(completionTokens);
    }

    /** Chat completions answered 200, all deployments. */
    public long chatCompletions() {
        return chatCompletions.sum();
    }

    public long chatCompletionsForDeployment(String deployment) {
        return get(chatByDeployment, deployment);
    }

    /** Chat completions per structured output name ({@code quality_verdict}, {@code prompt_rewrite}, ...). */
    public Map<String, Long> chatCompletionsBySchema() {
        return snapshot(chatBySchema);
    }

    public long chatPromptTokens() {
        return chatPromptTokens.sum();
    }

    public long chatCompletionTokens() {
        return chatCompletionTokens.sum();
    }

    /** Successful generation requests (200s), all deployments. */
    public long generations() {
        return generations.sum();
    }

    /** Images returned by successful generations (a request with {@code n=3} counts 3). */
    public long images() {
        return images.sum();
    }

    public long generationsForPrompt(String prompt) {
        return get(byPrompt, prompt);
    }

    public long generationsForRequestId(String requestId) {
        return get(byRequestId, requestId);
    }

    public long generationsForDeployment(String deployment) {
        return get(generationsByDeployment, deployment);
    }

    public Map<String, Long> generationsByRequestId() {
        return snapshot(byRequestId);
    }

    public Map<String, Long> generationsByPrompt() {
        return snapshot(byPrompt);
    }

    public Map<String, Long> generationsByDeployment() {
        return snapshot(generationsByDeployment);
    }

    /** Request ids that were answered with an image more than once: each one is an image the pipeline paid for twice. */
    public Set<String> duplicateRequestIds() {
        Set<String> duplicates = new TreeSet<>();
        byRequestId.forEach((id, count) -> {
            if (count.get() > 1) {
                duplicates.add(id);
            }
        });
        return duplicates;
    }

    /** Every request routed to this deployment name (known or not), whatever its outcome. */
    public long requests(String deployment) {
        return get(requestsByDeployment, deployment);
    }

    public Map<String, Long> requestsByDeployment() {
        return snapshot(requestsByDeployment);
    }

    /** Requests answered 429 by the rate limiter (not injected faults). */
    public long throttled(String deployment) {
        return get(throttledByDeployment, deployment);
    }

    public Map<String, Long> throttledByDeployment() {
        return snapshot(throttledByDeployment);
    }

    /** Responses with this status on the Azure routes, any deployment, including auth and path errors. */
    public long responses(int status) {
        return get(byStatus, status);
    }

    public Map<Integer, Long> responsesByStatus() {
        return snapshot(byStatus);
    }

    public void reset() {
        generations.reset();
        images.reset();
        byPrompt.clear();
        byRequestId.clear();
        generationsByDeployment.clear();
        requestsByDeployment.clear();
        throttledByDeployment.clear();
        byStatus.clear();
        chatCompletions.reset();
        chatByDeployment.clear();
        chatBySchema.clear();
        chatPromptTokens.reset();
        chatCompletionTokens.reset();
    }

    private static <K> void increment(Map<K, AtomicLong> map, K key) {
        map.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
    }

    private static <K> long get(Map<K, AtomicLong> map, K key) {
        AtomicLong count = key == null ? null : map.get(key);
        return count == null ? 0 : count.get();
    }

    private static <K extends Comparable<K>> Map<K, Long> snapshot(Map<K, AtomicLong> map) {
        Map<K, Long> copy = new TreeMap<>();
        map.forEach((key, count) -> copy.put(key, count.get()));
        return copy;
    }
}
