package com.catalogimage.localstack.imageapi;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
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
 * with neither is counted in the totals only. An edit ({@code /images/edits}) is a paid generation too, counted in all of
 * these, and also recorded as a {@link ReceivedEdit}: what the reference images' bytes were, so a test can prove a photo
 * reached the service as multipart. Thread-safe; the maps and lists returned are snapshots.
 */
public final class ImageApiStats {

    /**
     * One reference image an edit received.
     *
     * @param sha256      hex SHA-256 of the part's bytes, exactly as received
     * @param sizeBytes   the part's length
     * @param contentType the part's declared type ({@code image/png}, {@code image/jpeg})
     * @param filename    the part's filename, null when it had none
     */
    public record Reference(String sha256, int sizeBytes, String contentType, String filename, int width, int height) {
    }

    /**
     * One successful edit.
     *
     * @param requestId     as for generations: {@code user}, else {@code x-ms-client-request-id}; may be null
     * @param references    the {@code image}/{@code image[]} parts in body order
     * @param maskPresent   whether a {@code mask} part came
     * @param inputFidelity the {@code input_fidelity} sent, null when none
     */
    public record ReceivedEdit(String deployment, String requestId, List<Reference> references, boolean maskPresent,
                               String inputFidelity, String prompt, int n) {
        public ReceivedEdit {
            references = List.copyOf(references);
        }
    }

    /** The newest edits kept; older ones are dropped (a benchmark makes thousands). */
    static final int MAX_RECEIVED_EDITS = 1_000;

    private final LongAdder generations = new LongAdder();
    private final LongAdder images = new LongAdder();
    private final Map<String, AtomicLong> byPrompt = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> byRequestId = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> generationsByDeployment = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> requestsByDeployment = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> throttledByDeployment = new ConcurrentHashMap<>();
    private final Map<Integer, AtomicLong> byStatus = new ConcurrentHashMap<>();
    private final LongAdder edits = new LongAdder();
    private final Deque<ReceivedEdit> receivedEdits = new ArrayDeque<>();
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

    void recordEdit(ReceivedEdit edit) {
        edits.increment();
        synchronized (receivedEdits) {
            receivedEdits.addLast(edit);
            while (receivedEdits.size() > MAX_RECEIVED_EDITS) {
                receivedEdits.removeFirst();
            }
        }
    }

    /** Successful edits (200s on {@code /images/edits}), all deployments; each is also one of {@link #generations()}. */
    public long edits() {
        return edits.sum();
    }

    /** What the successful edits received, oldest first (the newest {@value #MAX_RECEIVED_EDITS}). */
    public List<ReceivedEdit> receivedEdits() {
        synchronized (receivedEdits) {
            return List.copyOf(receivedEdits);
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
        edits.reset();
        synchronized (receivedEdits) {
            receivedEdits.clear();
        }
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
