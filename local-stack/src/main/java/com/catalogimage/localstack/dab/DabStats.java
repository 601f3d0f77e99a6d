package com.catalogimage.localstack.dab;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of what the emulator served on its DAB routes (admin routes are not counted). The image-write counter is
 * the one tests care about: successful writes of {@code ImageUrl} per product id, through PATCH/PUT/POST on
 * {@code Products} or {@code UpdateProductImageUrl}, so a test can prove that no product was written twice.
 */
public final class DabStats {

    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final Map<Integer, LongAdder> responses = new ConcurrentHashMap<>();
    private final Map<Long, LongAdder> imageWrites = new ConcurrentHashMap<>();
    /** The latest writes as received, so a test can compare a client's request bodies byte for byte. */
    private final java.util.Deque<Write> writes = new java.util.concurrent.ConcurrentLinkedDeque<>();
    private static final int KEPT_WRITES = 1000;

    /**
     * One request that was not a GET, as it arrived (before faults, authentication and validation).
     *
     * @param body the request body's bytes, decoded as UTF-8
     */
    public record Write(String method, String path, String body) {
    }

    void recordRequest(String method) {
        requests.computeIfAbsent(method, m -> new LongAdder()).increment();
    }

    void recordResponse(int status) {
        responses.computeIfAbsent(status, s -> new LongAdder()).increment();
    }

    void recordWrite(String method, String path, byte[] body) {
        writes.addLast(new Write(method, path, new String(body, java.nio.charset.StandardCharsets.UTF_8)));
        while (writes.size() > KEPT_WRITES) {
            writes.pollFirst();
        }
    }

    /** The latest requests that were not GETs (at most 1,000), oldest first, whatever DAB answered them. */
    public java.util.List<Write> writes() {
        return java.util.List.copyOf(writes);
    }

    void recordImageWrite(long productId) {
        imageWrites.computeIfAbsent(productId, id -> new LongAdder()).increment();
    }

    /** Requests received with this HTTP method (upper case, e.g. {@code "PATCH"}), faulted ones included. */
    public long requests(String method) {
        LongAdder count = requests.get(method);
        return count == null ? 0 : count.sum();
    }

    public long totalRequests() {
        return requests.values().stream().mapToLong(LongAdder::sum).sum();
    }

    public Map<String, Long> requestsByMethod() {
        Map<String, Long> out = new TreeMap<>();
        requests.forEach((method, count) -> out.put(method, count.sum()));
        return out;
    }

    /** Responses sent with this status, injected faults included. */
    public long responses(int status) {
        LongAdder count = responses.get(status);
        return count == null ? 0 : count.sum();
    }

    public long imageWrites(long productId) {
        LongAdder count = imageWrites.get(productId);
        return count == null ? 0 : count.sum();
    }

    /** Successful image-URL writes per product id, sorted by id. */
    public Map<Long, Long> imageWritesByProduct() {
        Map<Long, Long> out = new TreeMap<>();
        imageWrites.forEach((id, count) -> out.put(id, count.sum()));
        return out;
    }

    public long totalImageWrites() {
        return imageWrites.values().stream().mapToLong(LongAdder::sum).sum();
    }

    public void reset() {
        requests.clear();
        responses.clear();
        imageWrites.clear();
        writes.clear();
    }

    /** The {@code GET /admin/stats} document. */
    Map<String, Object> toJson() {
        Map<String, Long> byStatus = new TreeMap<>();
        responses.forEach((status, count) -> byStatus.put(String.valueOf(status), count.sum()));
        Map<String, Long> writes = new TreeMap<>((a, b) -> Long.compare(Long.parseLong(a), Long.parseLong(b)));
        imageWritesByProduct().forEach((id, count) -> writes.put(String.valueOf(id), count));
        Map<String, Object> json = new java.util.LinkedHashMap<>();
        json.put("totalRequests", totalRequests());
        json.put("requests", requestsByMethod());
        json.put("responses", byStatus);
        json.put("totalImageWrites", totalImageWrites());
        json.put("imageWrites", writes);
        return json;
    }
}
