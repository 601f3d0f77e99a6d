package com.catalogimage.localstack.imageapi;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * Fault injection for the image routes, the same that {@code POST /admin/faults} drives. {@code faults()} acts on every
 * deployment; {@link #forDeployment(String)} gives a view whose faults hit only that deployment (both views share one
 * state). ImageApiFaults apply to requests that passed authentication and name a known deployment: resource blocked (403)
 * before the rate limiter, as a blocked resource takes no traffic at all; the others after it, so a throttled request
 * does not use up an injected fault, in this order: fail-next, fail-for, timeout-next, random timeout, random 500.
 *
 * <p>A "timeout" holds the request thread, answering nothing, for {@link #timeoutHold(Duration)} (120 s by default) or
 * until the emulator closes, then sends 408; the client's own timeout is meant to fire first. Random decisions come from
 * one {@link Random} seeded with {@link #seed(long)} (default 0), so a single-threaded test sees the same sequence on
 * every run.
 */
public final class ImageApiFaults {

    /** What to do with one request: nothing, fail with {@code status}, or hold it for {@code hold}. */
    record Decision(int status, Duration hold) {
        static final Decision NONE = new Decision(0, null);
    }

    private static final String ALL = "";

    private final State state;
    private final String scope;

    ImageApiFaults() {
        this(new State(), ALL);
    }

    private ImageApiFaults(State state, String scope) {
        this.state = state;
        this.scope = scope;
    }

    /** A view of these faults whose settings apply only to requests for {@code deployment}. */
    public ImageApiFaults forDeployment(String deployment) {
        return new ImageApiFaults(state, Objects.requireNonNull(deployment, "deployment"));
    }

    /** Answers the next {@code count} requests with {@code status} (e.g. 500, 502, 503) and Azure's body for it. */
    public ImageApiFaults failNext(int status, int count) {
        requireStatus(status);
        if (count <= 0) {
            return this;
        }
        synchronized (state) {
            state.rules(scope).failNext.add(new int[] {status, count});
        }
        return this;
    }

    /** Answers every request with {@code status} for {@code duration} from now. */
    public ImageApiFaults failFor(int status, Duration duration) {
        requireStatus(status);
        synchronized (state) {
            Rules rules = state.rules(scope);
            rules.failForStatus = status;
            rules.failUntilNanos = System.nanoTime() + duration.toNanos();
        }
        return this;
    }

    /** Probability (0..1) that a request is answered 500. */
    public ImageApiFaults failureProbability(double probability) {
        requireProbability(probability);
        synchronized (state) {
            state.rules(scope).failureProbability = probability;
        }
        return this;
    }

    /** Probability (0..1) that a request is held without an answer (see the class comment). */
    public ImageApiFaults timeoutProbability(double probability) {
        requireProbability(probability);
        synchronized (state) {
            state.rules(scope).timeoutProbability = probability;
        }
        return this;
    }

    /** Holds the next {@code count} requests without an answer. */
    public ImageApiFaults timeoutNext(int count) {
        synchronized (state) {
            state.rules(scope).timeoutNext += count;
        }
        return this;
    }

    /** How long a timed-out request is held (shared by all scopes). */
    public ImageApiFaults timeoutHold(Duration hold) {
        synchronized (state) {
            state.hold = Objects.requireNonNull(hold, "hold");
        }
        return this;
    }

    /** Answers 403 "resource has been temporarily blocked" to every request until cleared. */
    public ImageApiFaults blockResource(boolean blocked) {
        synchronized (state) {
            state.rules(scope).blocked = blocked;
        }
        return this;
    }

    /**
     * Adds {@code delay} before answering every request that reaches the model (successes and content-filter
     * rejections), on top of the emulator's latency: a slow deployment, e.g. a chat deployment whose calls should
     * outlast a client's timeout. {@code Duration.ZERO} removes it.
     */
    public ImageApiFaults delay(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative: " + delay);
        }
        synchronized (state) {
            state.rules(scope).delay = delay;
        }
        return this;
    }

    /** Reseeds the random source for the probabilities. */
    public ImageApiFaults seed(long seed) {
        synchronized (state) {
            state.random = new Random(seed);
        }
        return this;
    }

    /** Clears every fault of this view: all of them for {@code faults()}, one deployment's for a scoped view. */
    public void clear() {
        synchronized (state) {
            if (ALL.equals(scope)) {
                state.rules.clear();
                state.hold = State.DEFAULT_HOLD;
            } else {
                state.rules.remove(scope);
            }
        }
    }

    /** The active faults, keyed by deployment ({@code "*"} for all), for {@code GET /admin/faults}. */
    public Map<String, Object> describe() {
        synchronized (state) {
            Map<String, Object> out = new LinkedHashMap<>();
            long now = System.nanoTime();
            state.rules.forEach((key, rules) -> {
                Map<String, Object> view = new LinkedHashMap<>();
                view.put("failNext", rules.failNext.stream().map(e -> Map.of("status", e[0], "count", e[1])).toList());
                if (rules.failUntilNanos - now > 0) {
                    view.put("failFor", Map.of("status", rules.failForStatus,
                            "remainingMs", (rules.failUntilNanos - now) / 1_000_000));
                }
                view.put("failureProbability", rules.failureProbability);
                view.put("timeoutProbability", rules.timeoutProbability);
                view.put("timeoutNext", rules.timeoutNext);
                view.put("resourceBlocked", rules.blocked);
                view.put("delayMs", rules.delay.toMillis());
                out.put(ALL.equals(key) ? "*" : key, view);
            });
            out.put("timeoutHoldMs", state.hold.toMillis());
            return out;
        }
    }

    /** Whether requests to {@code deployment} get the 403 "resource blocked"; checked before the rate limit. */
    boolean resourceBlocked(String deployment) {
        synchronized (state) {
            return blocked(state.rules.get(deployment)) || blocked(state.rules.get(ALL));
        }
    }

    /**
     * Decides, and consumes, the fault for one request to {@code deployment} that the rate limiter let through; the
     * deployment's own faults go first.
     */
    Decision decide(String deployment) {
        synchronized (state) {
            Rules own = state.rules.get(deployment);
            Rules all = state.rules.get(ALL);
            long now = System.nanoTime();
            for (Rules rules : new Rules[] {own, all}) {
                if (rules == null) {
                    continue;
                }
                int[] next = rules.failNext.peek();
                if (next != null) {
                    if (--next[1] <= 0) {
                        rules.failNext.poll();
                    }
                    return new Decision(next[0], null);
                }
                if (rules.failForStatus != 0 && rules.failUntilNanos - now > 0) {
                    return new Decision(rules.failForStatus, null);
                }
                if (rules.timeoutNext > 0) {
                    rules.timeoutNext--;
                    return new Decision(0, state.hold);
                }
            }
            for (Rules rules : new Rules[] {own, all}) {
                if (rules != null && rules.timeoutProbability > 0 && state.random.nextDouble() < rules.timeoutProbability) {
                    return new Decision(0, state.hold);
                }
                if (rules != null && rules.failureProbability > 0 && state.random.nextDouble() < rules.failureProbability) {
                    return new Decision(500, null);
                }
            }
            return Decision.NONE;
        }
    }

    /** The injected delay for {@code deployment}: its own, else the one for all deployments. */
    Duration delay(String deployment) {
        synchronized (state) {
            Rules own = state.rules.get(deployment);
            if (own != null && !own.delay.isZero()) {
                return own.delay;
            }
            Rules all = state.rules.get(ALL);
            return all == null ? Duration.ZERO : all.delay;
        }
    }

    private static boolean blocked(Rules rules) {
        return rules != null && rules.blocked;
    }

    private static void requireStatus(int status) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("fault status must be 4xx or 5xx: " + status);
        }
    }

    private static void requireProbability(double probability) {
        if (probability < 0 || probability > 1) {
            throw new IllegalArgumentException("probability must be within 0..1: " + probability);
        }
    }

    private static final class State {
        static final Duration DEFAULT_HOLD = Duration.ofSeconds(120);
        final Map<String, Rules> rules = new LinkedHashMap<>();
        Duration hold = DEFAULT_HOLD;
        Random random = new Random(0);

        Rules rules(String scope) {
            return rules.computeIfAbsent(scope, s -> new Rules());
        }
    }

    private static final class Rules {
        final Deque<int[]> failNext = new ArrayDeque<>();
        int failForStatus;
        long failUntilNanos;
        double failureProbability;
        double timeoutProbability;
        int timeoutNext;
        boolean blocked;
        Duration delay = Duration.ZERO;
    }
}
