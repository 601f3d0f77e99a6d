package com.catalogimage.generator.client;

import com.catalogimage.generator.config.GeneratorConfig;
import com.openai.client.OpenAIClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/**
 * The deployments this instance may call, each behind its own requests-per-minute limit shared by all threads. A call
 * takes a permit from the member whose next permit comes first, waiting for it if none is free: the quota, not the
 * thread count, sets the pace, and no call is sent only to be refused.
 */
@ApplicationScoped
public class DeploymentPool {

    private static final Logger LOG = Logger.getLogger(DeploymentPool.class);

    /** One deployment: where it is, its client and its limit. */
    public static final class Member {
        private final String name;
        private final String deployment;
        private final String endpoint;
        private final OpenAIClient client;
        private final RateLimit limit;

        Member(String name, String deployment, String endpoint, OpenAIClient client, RateLimit limit) {
            this.name = name;
            this.deployment = deployment;
            this.endpoint = endpoint;
            this.client = client;
            this.limit = limit;
        }

        public String name() {
            return name;
        }

        /** The Azure deployment name. */
        public String deployment() {
            return deployment;
        }

        public String endpoint() {
            return endpoint;
        }

        OpenAIClient client() {
            return client;
        }
    }

    private final List<Member> members = new ArrayList<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final long cooldownNanos;
    private final Timer permitWait;

    public DeploymentPool(GeneratorConfig config, MeterRegistry metrics) {
        Map<String, GeneratorConfig.PoolMember> configured = config.deployments();
        if (configured.isEmpty()) {
            add(config, config.deployment(), config.deployment(), config.endpoint(), config.pathMode(),
                    ImageApiClients.credential(config, java.util.Optional.empty()), config.requestsPerMinute());
        } else {
            configured.forEach((name, member) -> add(config, name, member.deployment().orElse(name),
                    member.endpoint().orElse(config.endpoint()), member.pathMode().orElse(config.pathMode()),
                    ImageApiClients.credential(config, member.apiKey()),
                    member.requestsPerMinute().orElse(config.requestsPerMinute())));
        }
        this.cooldownNanos = config.failoverCooldown().toNanos();
        this.permitWait = metrics.timer("generator.permit.wait");
        for (Member member : members) {
            metrics.gauge("generator.deployment.rpm", io.micrometer.core.instrument.Tags.of("deployment", member.name()),
                    member, m -> rpm(m));
        }
        LOG.infof("Deployment pool: %s", members.stream()
                .map(m -> "%s (%s at %s, %.0f rpm)".formatted(m.name(), m.deployment(), m.endpoint(), rpm(m))).toList());
    }

    private void add(GeneratorConfig config, String name, String deployment, String endpoint,
            GeneratorConfig.PathMode pathMode, com.openai.credential.Credential credential, int rpm) {
        members.add(new Member(name, deployment, endpoint, ImageApiClients.create(config, endpoint, pathMode, credential),
                new RateLimit(rpm, System::nanoTime)));
    }

    public List<Member> members() {
        return List.copyOf(members);
    }

    /** Waits for a permit on the member that has one first, takes it and returns that member. */
    public Member acquire() throws InterruptedException {
        long start = System.nanoTime();
        lock.lockInterruptibly();
        try {
            while (true) {
                Member first = members.stream().min(Comparator.comparingLong(m -> m.limit.nanosUntilPermit())).orElseThrow();
                long wait = first.limit.nanosUntilPermit();
                if (wait <= 0) {
                    first.limit.take();
                    return first;
                }
                changed.awaitNanos(wait); // woken early when a 429 changes the plan; re-evaluated either way
            }
        } finally {
            lock.unlock();
            permitWait.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    /** How long a call would wait now for a permit (the member whose permit comes first); 0 when one is free. */
    public long nanosUntilPermit() {
        lock.lock();
        try {
            return Math.max(0, members.stream().mapToLong(m -> m.limit.nanosUntilPermit()).min().orElse(0));
        } finally {
            lock.unlock();
        }
    }

    /** A 429: hold the member as long as Azure asked and slow it down; the caller tries again. */
    public void throttled(Member member, Duration retryAfter) {
        withLock(() -> member.limit.throttled(retryAfter.toNanos()));
        LOG.debugf("Deployment %s throttled: holding it for %d ms, now at %.1f rpm", member.name(), retryAfter.toMillis(),
                rpm(member));
    }

    /** A 5xx or timeout: with other members to turn to, avoid this one for a while. */
    public void failed(Member member) {
        if (members.size() > 1) {
            withLock(() -> member.limit.cooldown(cooldownNanos));
        }
    }

    public void succeeded(Member member) {
        withLock(member.limit::succeeded);
    }

    private double rpm(Member member) {
        lock.lock();
        try {
            return member.limit.currentRpm();
        } finally {
            lock.unlock();
        }
    }

    private void withLock(Runnable change) {
        lock.lock();
        try {
            change.run();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @PreDestroy
    void close() {
        members.forEach(member -> member.client().close());
    }
}
