package com.catalogimage.localstack.dab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Fault injection on the DAB routes (never on {@code /admin/}): answer with a DAB error envelope, add latency, or
 * both, for the next N matching requests, for a time window, or until cleared; optionally only for some methods
 * and/or a path prefix. The admin route {@code /admin/faults} drives the same rules.
 *
 * <p>When several rules match a request, every matching latency is added up, and the first matching rule with a
 * status decides the answer; a counted rule is only used up by requests it actually affected. DabFaults are applied
 * before authentication and routing, like an outage in front of DAB's query engine; faulted requests still count in
 * {@link DabStats#requests(String)} and {@link DabStats#responses(int)}.
 */
public final class DabFaults {

    /**
     * One rule. {@code status} 0 means latency only. {@code count} null and {@code duration} null mean "until
     * cleared". {@code methods} empty means every method; {@code pathPrefix} null means every path.
     */
    public record Fault(int status, String code, String message, Integer count, Duration duration, Duration latency,
                        Set<String> methods, String pathPrefix) {

        public Fault {
            methods = methods == null ? Set.of()
                    : methods.stream().map(m -> m.toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
            if (status != 0 && (status < 400 || status > 599)) {
                throw new IllegalArgumentException("A fault status must be 4xx or 5xx, not " + status);
            }
            if (count != null && count < 1) {
                throw new IllegalArgumentException("A fault count must be at least 1");
            }
        }

        /** An error answer with DAB's default message for the status; {@code code} null picks DAB's usual code. */
        public static Fault error(int status, String code) {
            return new Fault(status, code, null, null, null, null, Set.of(), null);
        }

        public static Fault delay(Duration latency) {
            return new Fault(0, null, null, null, null, latency, Set.of(), null);
        }

        public Fault times(int n) {
            return new Fault(status, code, message, n, duration, latency, methods, pathPrefix);
        }

        public Fault during(Duration d) {
            return new Fault(status, code, message, count, d, latency, methods, pathPrefix);
        }

        public Fault onMethods(String... httpMethods) {
            return new Fault(status, code, message, count, duration, latency, Set.of(httpMethods), pathPrefix);
        }

        /** Only requests whose path starts with this, e.g. {@code /api/Products} or {@code /rest/UpdateProductImageUrl}. */
        public Fault onPath(String prefix) {
            return new Fault(status, code, message, count, duration, latency, methods, prefix);
        }

        public Fault withMessage(String text) {
            return new Fault(status, code, text, count, duration, latency, methods, pathPrefix);
        }

        public Fault withLatency(Duration d) {
            return new Fault(status, code, message, count, duration, d, methods, pathPrefix);
        }
    }

    private static final class Active {
        final long id;
        final Fault fault;
        final AtomicInteger remaining;
        final long deadlineNanos;

        Active(long id, Fault fault) {
            this.id = id;
            this.fault = fault;
            this.remaining = fault.count() == null ? null : new AtomicInteger(fault.count());
            this.deadlineNanos = fault.duration() == null ? Long.MAX_VALUE
                    : System.nanoTime() + fault.duration().toNanos();
        }

        boolean expired() {
            return (deadlineNanos != Long.MAX_VALUE && System.nanoTime() - deadlineNanos > 0)
                    || (remaining != null && remaining.get() <= 0);
        }

        boolean matches(String method, String path) {
            return (fault.methods().isEmpty() || fault.methods().contains(method))
                    && (fault.pathPrefix() == null || path.startsWith(fault.pathPrefix()));
        }

        /** Takes one use of a counted rule; false when another request took the last one. */
        boolean take() {
            if (remaining == null) {
                return true;
            }
            int left;
            do {
                left = remaining.get();
                if (left <= 0) {
                    return false;
                }
            } while (!remaining.compareAndSet(left, left - 1));
            return true;
        }
    }

    private final List<Active> rules = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong();

    /** Adds a rule; returns its id (shown by {@code GET /admin/faults}). */
    public long add(Fault fault) {
        long id = ids.incrementAndGet();
        rules.add(new Active(id, fault));
        return id;
    }

    /** The next {@code count} requests fail with this status ({@code code} null: DAB's usual code for it). */
    public DabFaults failNext(int status, String code, int count) {
        add(Fault.error(status, code).times(count));
        return this;
    }

    /** Every request fails with this status for the given time, starting now. */
    public DabFaults failFor(int status, String code, Duration duration) {
        add(Fault.error(status, code).during(duration));
        return this;
    }

    /** Every request is delayed by this much until {@link #clear()}. */
    public DabFaults latency(Duration latency) {
        add(Fault.delay(latency));
        return this;
    }

    public void clear() {
        rules.clear();
    }

    /** The rules still in force, as shown by {@code GET /admin/faults}. */
    public List<Map<String, Object>> active() {
        rules.removeIf(Active::expired);
        List<Map<String, Object>> out = new ArrayList<>();
        for (Active rule : rules) {
            Fault f = rule.fault;
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", rule.id);
            if (f.status() != 0) {
                json.put("status", f.status());
                json.put("code", codeOf(f));
            }
            if (rule.remaining != null) {
                json.put("remaining", rule.remaining.get());
            }
            if (rule.deadlineNanos != Long.MAX_VALUE) {
                json.put("remainingMs", Math.max(0, (rule.deadlineNanos - System.nanoTime()) / 1_000_000));
            }
            if (f.latency() != null) {
                json.put("latencyMs", f.latency().toMillis());
            }
            if (!f.methods().isEmpty()) {
                json.put("methods", f.methods().stream().sorted().toList());
            }
            if (f.pathPrefix() != null) {
                json.put("path", f.pathPrefix());
            }
            out.add(json);
        }
        return out;
    }

    /**
     * Applies the rules to one request: sleeps for the matching latency, then returns the error to answer with, if
     * any.
     */
    Optional<DabEmulatorException> apply(String method, String path) {
        long delayMillis = 0;
        DabEmulatorException failure = null;
        for (Active rule : rules) {
            if (rule.expired()) {
                rules.remove(rule);
                continue;
            }
            if (!rule.matches(method, path)) {
                continue;
            }
            Fault f = rule.fault;
            boolean fails = f.status() != 0;
            if (fails && failure != null) {
                continue; // an earlier rule already decides the answer; leave this one's count alone
            }
            if (!rule.take()) {
                continue;
            }
            if (f.latency() != null) {
                delayMillis += f.latency().toMillis();
            }
            if (fails) {
                failure = new DabEmulatorException(f.status(), codeOf(f),
                        f.message() != null ? f.message() : DabErrors.defaultMessage(f.status()));
            }
        }
        if (delayMillis > 0) {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return Optional.ofNullable(failure);
    }

    private static String codeOf(Fault f) {
        return f.code() != null ? f.code() : DabErrors.defaultCode(f.status());
    }
}
