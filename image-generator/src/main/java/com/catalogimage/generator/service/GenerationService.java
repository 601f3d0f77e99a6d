package com.catalogimage.generator.service;

import com.catalogimage.contracts.FailureClass;
import com.catalogimage.contracts.GeneratedImage;
import com.catalogimage.contracts.ImageRequest;
import com.catalogimage.contracts.PaidGeneration;
import com.catalogimage.contracts.QualityVerdict;
import com.catalogimage.generator.client.ImageApi;
import com.catalogimage.generator.client.ImageApiException;
import com.catalogimage.generator.client.ThrottledImageCall.Answer;
import com.catalogimage.generator.config.GeneratorConfig;
import com.catalogimage.messaging.shutdown.InFlightWork;
import com.openai.models.images.Image;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.TopicPartition;

/**
 * Prompt, model call, image check, price, quality check: one request in, one image with its verdict or one classified
 * failure out. A request waits here, before anything is paid, while the day's budget is spent. With
 * {@code QUALITY_CHECK=enforce} a failing image is generated again here, with the critique folded into the prompt,
 * as long as regenerations and the budget allow (docs/decisions/0024); every image paid for goes to the {@link Ledger}
 * as soon as the API answered.
 */
@ApplicationScoped
public class GenerationService {

    /** How often a waiting request looks again whether it may go. */
    private static final Duration WAIT_STEP = Duration.ofMillis(200);

    /** What became of one request. */
    public sealed interface Outcome {
        int attempts();
    }

    /**
     * An image to publish, with its verdict, paid for as {@code paid} (already counted here and in the ledger; the
     * caller writes it again once published); {@code costUsd} is what this delivery paid: its image(s) and check(s).
     */
    public record Generated(GeneratedImage image, PaidGeneration paid, int attempts, BigDecimal costUsd)
            implements Outcome {
    }

    /**
     * Enforced, failed again after every regeneration, no reviewer: a dead letter {@code QUALITY_REJECTED}. The images
     * are paid for ({@code paid}, with the checks' cost, for the caller to write to the ledger).
     */
    public record Rejected(GeneratedImage image, PaidGeneration paid, int attempts, BigDecimal costUsd)
            implements Outcome {
    }

    /**
     * Enforced, no reviewer, and the judge could not be reached: the caller holds the paid image and hands the record
     * back for later ({@link #recheck}), so the image is neither published unchecked nor paid for again.
     */
    public record Unchecked(GeneratedImage image, PaidGeneration paid, int attempts, BigDecimal costUsd, String why)
            implements Outcome {
    }

    /** A classified failure; {@code paid} is the payment when the API answered with something unusable, else null. */
    public record Failed(FailureClass failureClass, String detail, PaidGeneration paid, int attempts) implements Outcome {
    }

    /** Not started because the service is shutting down: nothing paid, the record is left for the next consumer. */
    public record NotStarted(int attempts) implements Outcome {
    }

    private final ImageApi api;
    private final GeneratorConfig config;
    private final GenerationPrice price;
    private final Budget budget;
    private final PaidImages paidImages;
    private final InFlightWork<TopicPartition> work;
    private final MeterRegistry metrics;
    private final PromptBuilder prompts;
    private final QualityCheck quality;
    private final String contentType;

    public GenerationService(ImageApi api, GeneratorConfig config, GenerationPrice price, Budget budget,
            PaidImages paidImages, InFlightWork<TopicPartition> work, MeterRegistry metrics,
            CategoryTemplates templates, QualityCheck quality) {
        this.api = api;
        this.config = config;
        this.price = price;
        this.budget = budget;
        this.paidImages = paidImages;
        this.work = work;
        this.metrics = metrics;
        this.quality = quality;
        this.prompts = new PromptBuilder(config.prompt().template(), config.prompt().maxFieldChars(),
                templates::template);
        // dall-e always answers PNG
        this.contentType = ImageCheck.contentType(config.dallE() ? "png" : config.outputFormat());
    }

    /**
     * Generates once the budget admits the call, then has the image checked. A failure comes back classified; what it
     * means for the record (a pause when the API refuses everything, a retry, a dead letter) is the failure policy's
     * to say. A shutdown ends the wait for the budget: the request has not started and is left for the next consumer.
     */
    public Outcome generate(ImageRequest request, Ledger ledger) throws InterruptedException {
        while (!budget.tryReserve()) {
            if (work.draining()) {
                return new NotStarted(0);
            }
            Thread.sleep(WAIT_STEP.toMillis());
        }
        try {
            String prompt = prompts.prompt(request, config.model());
            Outcome outcome = attempt(request, prompt, ledger);
            return outcome instanceof Generated generated ? checked(generated, prompt, ledger) : outcome;
        } finally {
            budget.release();
        }
    }

    /**
     * A held image whose check could not be made on an earlier delivery ({@link Unchecked}): judged now, and
     * regenerated if it fails, without paying for it again.
     */
    public Outcome recheck(GeneratedImage image, Ledger ledger) {
        PaidGeneration paid = paidImages.paid(image.request().requestId()).orElse(null);
        return checked(new Generated(image, paid, 0, BigDecimal.ZERO), image.prompt(), ledger);
    }

    /**
     * One image for {@code POST /previews}: the same prompt, call, price, ledger and check as a request's, waiting at
     * most {@code maxWait} for the budget (else {@code null}); judged once, never regenerated nor rejected (the person
     * trying a prompt reads the verdict).
     */
    public Outcome preview(ImageRequest request, Duration maxWait, Ledger ledger) throws InterruptedException {
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (!budget.tryReserve()) {
            if (System.nanoTime() - deadline >= 0 || work.draining()) {
                return null;
            }
            Thread.sleep(WAIT_STEP.toMillis());
        }
        try {
            Outcome outcome = attempt(request, prompts.prompt(request, config.model()), ledger);
            if (!(outcome instanceof Generated generated)) {
                return outcome;
            }
            QualityCheck.Judgement judgement = quality.judge(generated.image());
            PaidGeneration paid = withCheckCost(generated.paid(), judgement.verdict());
            return new Generated(withVerdict(generated.image(), judgement.verdict()), paid, generated.attempts(),
                    add(generated.costUsd(), judgement.verdict().costUsd()));
        } finally {
            budget.release();
        }
    }

    /** The check, and with {@code enforce} the regenerations, of a generated image (docs/decisions/0024). */
    private Outcome checked(Generated first, String basePrompt, Ledger ledger) {
        ImageRequest request = first.image().request();
        Generated current = first;
        QualityVerdict sofar = null;
        int regenerations = 0;
        int attempts = first.attempts();
        BigDecimal cost = first.costUsd();
        while (true) {
            QualityCheck.Judgement judgement = quality.judge(current.image());
            QualityVerdict verdict = QualityDecision.combine(sofar, judgement.verdict(), regenerations);
            PaidGeneration paid = withCheckCost(current.paid(), judgement.verdict());
            cost = add(cost, judgement.verdict().costUsd());
            GeneratedImage image = withVerdict(current.image(), verdict);
            int left = config.qualityCheck().maxRegenerations() - regenerations;
            QualityDecision decision = QualityDecision.decide(quality.mode(), config.qualityCheck().manualReview(),
                    verdict.outcome(), left);
            if (decision == QualityDecision.REGENERATE && !budget.tryReserve()) {
                decision = QualityDecision.decide(quality.mode(), config.qualityCheck().manualReview(), verdict.outcome(), 0);
            }
            switch (decision) {
                case PUBLISH -> {
                    return new Generated(image, paid, attempts, cost);
                }
                case REJECT -> {
                    return new Rejected(image, paid, attempts, cost);
                }
                case CHECK_LATER -> {
                    return new Unchecked(image, paid, attempts, cost, judgement.unavailable());
                }
                case REGENERATE -> {
                    metrics.counter("generator.quality.regenerations").increment();
                    Outcome again;
                    try {
                        again = attempt(request, prompts.withCritique(basePrompt, verdict.reasons(), config.model(),
                                config.qualityCheck().maxCritiqueChars()), ledger);
                    } finally {
                        budget.release();
                    }
                    regenerations++;
                    attempts += again.attempts();
                    if (!(again instanceof Generated regenerated)) {
                        // the earlier image is paid for and still the best there is: it goes on as if none were left
                        Failed failed = (Failed) again;
                        PaidGeneration latest = paidImages.paid(request.requestId()).orElse(paid);
                        QualityVerdict last = verdict.withRegenerations(regenerations);
                        GeneratedImage kept = withVerdict(current.image(), last);
                        return config.qualityCheck().manualReview() ? new Generated(kept, latest, attempts, cost)
                                : new Rejected(withVerdict(kept, withReason(last, "the regeneration failed: "
                                        + failed.detail())), latest, attempts, cost);
                    }
                    cost = add(cost, regenerated.costUsd());
                    current = regenerated;
                    sofar = verdict;
                }
            }
        }
    }

    /**
     * The ledger entry now carries the check's cost too, so the daily budget counts it (the entry is written with the
     * next image, the publication or the rejection).
     */
    private PaidGeneration withCheckCost(PaidGeneration paid, QualityVerdict verdict) {
        if (paid == null || verdict.costUsd() == null || verdict.costUsd().signum() == 0) {
            return paid;
        }
        PaidGeneration latest = paidImages.paid(paid.requestId()).orElse(paid);
        PaidGeneration with = new PaidGeneration(latest.requestId(), latest.productId(), latest.model(),
                latest.deployment(), latest.images(), add(latest.costUsd(), verdict.costUsd()), latest.at(),
                latest.day(), latest.published());
        paidImages.onPaid(with);
        return with;
    }

    private static BigDecimal add(BigDecimal a, BigDecimal b) {
        return a == null ? b : b == null ? a : a.add(b);
    }

    private static QualityVerdict withReason(QualityVerdict v, String reason) {
        java.util.List<String> reasons = new java.util.ArrayList<>(v.reasons());
        if (reasons.size() < QualityVerdict.MAX_REASONS) {
            reasons.add(reason.length() <= QualityVerdict.MAX_REASON_CHARS ? reason
                    : reason.substring(0, QualityVerdict.MAX_REASON_CHARS));
        }
        return new QualityVerdict(v.outcome(), v.matchesProduct(), v.noTextOrLogos(), v.plainBackground(),
                v.wholeAndCentred(), reasons, v.altText(), v.model(), v.inputTokens(), v.outputTokens(), v.costUsd(),
                v.regenerations());
    }

    static GeneratedImage withVerdict(GeneratedImage i, QualityVerdict verdict) {
        return new GeneratedImage(i.request(), i.image(), i.contentType(), i.model(), i.deployment(), i.size(),
                i.quality(), i.usage(), i.costUsd(), i.revisedPrompt(), i.generatedAt(), i.prompt(), verdict);
    }

    /**
     * The prompt as sent, for reviewers and the blob's metadata. An operator's override is sent as written, so it is
     * bounded here as the builder bounds a filled template: the model family's limit, which the API enforces anyway.
     */
    private String asSent(String prompt) {
        int max = PromptBuilder.maxPromptChars(config.model());
        return prompt.length() <= max ? prompt : prompt.substring(0, max);
    }

    private Outcome attempt(ImageRequest request, String prompt, Ledger ledger) {
        AtomicInteger attempts = new AtomicInteger();
        Timer.Sample sample = Timer.start(metrics);
        String outcome = "generated";
        String deployment = "none";
        PaidGeneration paid = null;
        try {
            Answer answer = api.generate(prompt, request.requestId(), attempts);
            deployment = answer.member().name();
            // Azure charges for the answer, whatever it holds: counted now, before anything can go wrong with it.
            paid = PaidGeneration.paid(paidImages.paid(request.requestId()).orElse(null), request.requestId(),
                    request.product().id(), config.model(), answer.member().deployment(), price.perImage().orElse(null),
                    Instant.now());
            paidImages.onPaid(paid);
            ledger.write(paid);
            price.perImage().ifPresent(cost -> metrics.counter("generator.cost.usd", "model", config.model())
                    .increment(cost.doubleValue()));
            Image first = answer.response().data().filter(data -> !data.isEmpty()).map(data -> data.get(0))
                    .orElseThrow(() -> ImageApiException.invalidImage("the response holds no image"));
            byte[] bytes = ImageCheck.decode(first.b64Json().orElse(null), contentType, config.maxImageBytes());
            GeneratedImage.Usage usage = answer.response().usage()
                    .map(u -> new GeneratedImage.Usage(u.inputTokens(), u.outputTokens(), u.totalTokens())).orElse(null);
            if (usage != null) {
                metrics.counter("generator.tokens", "type", "input").increment(usage.inputTokens());
                metrics.counter("generator.tokens", "type", "output").increment(usage.outputTokens());
            }
            GeneratedImage image = new GeneratedImage(request, bytes, contentType, config.model(),
                    answer.member().deployment(), config.size(), config.quality(), usage, price.perImage().orElse(null),
                    first.revisedPrompt().orElse(null), paid.at(), asSent(prompt));
            return new Generated(image, paid, attempts.get(), price.perImage().orElse(null));
        } catch (ImageApiException e) {
            outcome = e.failureClass().name();
            return new Failed(e.failureClass(), e.getMessage(), paid, Math.max(1, attempts.get()));
        } finally {
            sample.stop(metrics.timer("generator.generation.duration", "deployment", deployment, "outcome", outcome));
        }
    }
}
