package com.catalogimage.generator.service;

import com.catalogimage.contracts.FailureClass;
import com.catalogimage.contracts.GeneratedImage;
import com.catalogimage.contracts.ImageRequest;
import com.catalogimage.contracts.PaidGeneration;
import com.catalogimage.contracts.QualityVerdict;
import com.catalogimage.contracts.ImageModelProfile;
import com.catalogimage.contracts.ImageModels;
import com.catalogimage.generator.client.ImageApi;
import com.catalogimage.generator.client.ImageApiException;
import com.catalogimage.generator.client.ReferencePhotos;
import com.catalogimage.generator.client.ReferencePhotos.Photo;
import com.catalogimage.generator.client.ThrottledImageCall.Answer;
import com.catalogimage.generator.config.GeneratorConfig;
import com.catalogimage.generator.config.ModelCheck;
import com.catalogimage.messaging.shutdown.InFlightWork;
import com.openai.models.images.Image;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
    private final ReferencePhotos photos;
    private final Optional<ImageModelProfile> profile;
    private final ModelCheck.Configured configured;

    public GenerationService(ImageApi api, GeneratorConfig config, GenerationPrice price, Budget budget,
            PaidImages paidImages, InFlightWork<TopicPartition> work, MeterRegistry metrics,
            CategoryTemplates templates, QualityCheck quality, ReferencePhotos photos, ImageModels models) {
        this.api = api;
        this.config = config;
        this.price = price;
        this.budget = budget;
        this.paidImages = paidImages;
        this.work = work;
        this.metrics = metrics;
        this.quality = quality;
        this.photos = photos;
        this.profile = models.profile(config.model());
        this.configured = ModelCheck.Configured.of(config);
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
        boolean edits = needsPhoto(request);
        String prompt = prompts.prompt(request, config.model());
        Optional<Failed> misfit = misfit(request, edits, prompt);
        if (misfit.isPresent()) {
            return misfit.get();
        }
        while (!budget.tryReserve(edits)) {
            if (work.draining()) {
                return new NotStarted(0);
            }
            Thread.sleep(WAIT_STEP.toMillis());
        }
        try {
            PhotoOrFailure photo = photo(request);
            if (photo.failed() != null) {
                return photo.failed();
            }
            Outcome outcome = attempt(request, prompt, photo.photo(), config.variants(), ledger);
            return outcome instanceof Generated generated ? checked(generated, prompt, ledger, photo.photo()) : outcome;
        } finally {
            budget.release(edits);
        }
    }

    /** Whether the request goes to {@code /images/edits}: a reference photo, or a restyle of the current image. */
    static boolean needsPhoto(ImageRequest request) {
        return request.isRestyle() || request.referencePhotoUrl() != null && !request.referencePhotoUrl().isBlank();
    }

    /** A request this model cannot make: INVALID_REQUEST, before anything is fetched or paid. */
    private Optional<Failed> misfit(ImageRequest request, boolean edits, String prompt) {
        if (request.isRestyle() && (request.referencePhotoUrl() == null || request.referencePhotoUrl().isBlank())) {
            return Optional.of(invalid("a restyle needs the product's current image URL, and it has none"));
        }
        return profile.flatMap(p -> ModelCheck.requestProblem(p, configured, edits, prompt.length())).map(this::invalid);
    }

    private Failed invalid(String why) {
        return new Failed(FailureClass.INVALID_REQUEST, FailureClass.INVALID_REQUEST + ": " + why, null, 1);
    }

    /** The request's photo, or why there is none: null and null for a request without one. */
    private record PhotoOrFailure(Photo photo, Failed failed) {
    }

    /**
     * Fetched once per delivery (regenerations reuse it). A refusal is permanent (INVALID_REQUEST: never generated
     * without the photo); a timeout, a 5xx or a reset is transient, for the retry topics.
     */
    private PhotoOrFailure photo(ImageRequest request) {
        if (!needsPhoto(request)) {
            return new PhotoOrFailure(null, null);
        }
        try {
            return new PhotoOrFailure(photos.fetch(request.referencePhotoUrl()), null);
        } catch (ReferencePhotos.Refused refused) {
            metrics.counter("generator.reference.photos", "outcome", "refused").increment();
            return new PhotoOrFailure(null, invalid(refused.getMessage()));
        } catch (ReferencePhotos.Unavailable unavailable) {
            metrics.counter("generator.reference.photos", "outcome", "unavailable").increment();
            return new PhotoOrFailure(null, new Failed(FailureClass.TRANSIENT,
                    FailureClass.TRANSIENT + ": " + unavailable.getMessage(), null, 1));
        }
    }

    /**
     * A held image whose check could not be made on an earlier delivery ({@link Unchecked}): judged now, and
     * regenerated if it fails, without paying for it again.
     */
    public Outcome recheck(GeneratedImage image, Ledger ledger) {
        PaidGeneration paid = paidImages.paid(image.request().requestId()).orElse(null);
        return checked(new Generated(image, paid, 0, BigDecimal.ZERO), image.prompt(), ledger, null);
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
            String prompt = prompts.prompt(request, config.model());
            Optional<Failed> misfit = misfit(request, false, prompt);
            if (misfit.isPresent()) {
                return misfit.get();
            }
            // one image from the prompt alone: a playground's try needs no variants and no photo
            Outcome outcome = attempt(request, prompt, null, 1, ledger);
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
    private Outcome checked(Generated first, String basePrompt, Ledger ledger, Photo fetched) {
        Photo photo = fetched;
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
            if (decision == QualityDecision.REGENERATE && !budget.tryReserve(needsPhoto(request))) {
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
                        PhotoOrFailure photoNow = photo == null ? photo(request) : new PhotoOrFailure(photo, null);
                        photo = photoNow.photo();
                        again = photoNow.failed() != null ? photoNow.failed()
                                : attempt(request, prompts.withCritique(basePrompt, verdict.reasons(), config.model(),
                                        config.qualityCheck().maxCritiqueChars()), photo, config.variants(), ledger);
                    } finally {
                        budget.release(needsPhoto(request));
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
                i.quality(), i.usage(), i.costUsd(), i.revisedPrompt(), i.generatedAt(), i.prompt(), verdict,
                i.variants());
    }

    /**
     * The prompt as sent, for reviewers and the blob's metadata. An operator's override is sent as written, so it is
     * bounded here as the builder bounds a filled template: the model family's limit, which the API enforces anyway.
     */
    private String asSent(String prompt) {
        int max = profile.map(ImageModelProfile::maxPromptChars).orElse(PromptBuilder.maxPromptChars(config.model()));
        return prompt.length() <= max ? prompt : prompt.substring(0, max);
    }

    private Outcome attempt(ImageRequest request, String prompt, Photo photo, int images, Ledger ledger) {
        AtomicInteger attempts = new AtomicInteger();
        Timer.Sample sample = Timer.start(metrics);
        String outcome = "generated";
        String deployment = "none";
        PaidGeneration paid = null;
        boolean withReference = photo != null;
        try {
            Answer answer = api.generate(prompt, request.requestId(), images, photo, attempts);
            deployment = answer.member().name();
            GenerationPrice.Usage reported = answer.response().usage().map(GenerationService::usage).orElse(null);
            // Azure charges for the answer, whatever it holds: counted now, before anything can go wrong with it.
            BigDecimal cost = price.cost(images, withReference, reported).orElse(null);
            paid = PaidGeneration.paid(paidImages.paid(request.requestId()).orElse(null), request.requestId(),
                    request.product().id(), config.model(), answer.member().deployment(), cost, Instant.now());
            paidImages.onPaid(paid);
            ledger.write(paid);
            if (cost != null) {
                metrics.counter("generator.cost.usd", "model", config.model()).increment(cost.doubleValue());
            }
            List<Image> data = answer.response().data().filter(list -> !list.isEmpty())
                    .orElseThrow(() -> ImageApiException.invalidImage("the response holds no image"));
            List<byte[]> decoded = decodeAll(data, contentType, config.maxImageBytes());
            GeneratedImage.Usage usage = answer.response().usage()
                    .map(u -> new GeneratedImage.Usage(u.inputTokens(), u.outputTokens(), u.totalTokens())).orElse(null);
            if (usage != null) {
                metrics.counter("generator.tokens", "type", "input").increment(usage.inputTokens());
                metrics.counter("generator.tokens", "type", "output").increment(usage.outputTokens());
            }
            GeneratedImage image = new GeneratedImage(request, decoded.get(0), contentType, config.model(),
                    answer.member().deployment(), config.size(), config.quality(), usage, cost,
                    data.get(0).revisedPrompt().orElse(null), paid.at(), asSent(prompt), null,
                    List.copyOf(decoded.subList(1, decoded.size())));
            return new Generated(image, paid, attempts.get(), cost);
        } catch (ImageApiException e) {
            outcome = e.failureClass().name();
            return new Failed(e.failureClass(), e.getMessage(), paid, Math.max(1, attempts.get()));
        } finally {
            sample.stop(metrics.timer("generator.generation.duration", "deployment", deployment, "outcome", outcome));
        }
    }

    /**
     * Every image of the answer, checked, all of them together within {@code maxBytes}: they travel in one record
     * (Topics.MAX_MESSAGE_BYTES). More images than asked for are not published.
     */
    static List<byte[]> decodeAll(List<Image> data, String contentType, int maxBytes) {
        List<byte[]> decoded = new ArrayList<>();
        long total = 0;
        for (Image item : data) {
            byte[] bytes = ImageCheck.decode(item.b64Json().orElse(null), contentType, (int) Math.max(0, maxBytes - total));
            total += bytes.length;
            decoded.add(bytes);
        }
        return decoded;
    }

    /**
     * The usage as priced: text and image input tokens from {@code input_tokens_details} when reported, else all input
     * counted as text.
     */
    static GenerationPrice.Usage usage(com.openai.models.images.ImagesResponse.Usage u) {
        var details = u._inputTokensDetails().asKnown();
        long text = details.map(d -> d._textTokens().asKnown().orElse(u.inputTokens())).orElse(u.inputTokens());
        long image = details.flatMap(d -> d._imageTokens().asKnown()).orElse(0L);
        return new GenerationPrice.Usage(text, image, u.outputTokens());
    }
}
