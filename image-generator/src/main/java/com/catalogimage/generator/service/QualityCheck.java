package com.catalogimage.generator.service;

import com.catalogimage.chat.ChatException;
import com.catalogimage.chat.ChatModel;
import com.catalogimage.contracts.AltText;
import com.catalogimage.contracts.GeneratedImage;
import com.catalogimage.contracts.Product;
import com.catalogimage.contracts.QualityVerdict;
import com.catalogimage.generator.config.GeneratorConfig;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.jboss.logging.Logger;

/**
 * One vision call per image: the chat model's verdict and alt text, counted in the metrics. Never throws: a judge that
 * cannot be reached (after openai-java's own retries of 429 and 5xx) gives a NOT_CHECKED verdict with the product's
 * fallback alt text and says why, and the caller decides (docs/decisions/0024); a paid image is never lost to it.
 */
@ApplicationScoped
public class QualityCheck {

    private static final Logger LOG = Logger.getLogger(QualityCheck.class);
    static final String OFF = "quality check off";

    /**
     * A verdict; {@code unavailable} says why the judge gave none (null when it did, or when the check is off).
     */
    public record Judgement(QualityVerdict verdict, String unavailable) {
    }

    private final GeneratorConfig.QualityMode mode;
    private final Instance<ChatModel> chat;
    private final MeterRegistry metrics;

    public QualityCheck(GeneratorConfig config, Instance<ChatModel> chat, MeterRegistry metrics) {
        this.mode = config.qualityCheck().mode();
        this.chat = chat;
        this.metrics = metrics;
    }

    public GeneratorConfig.QualityMode mode() {
        return mode;
    }

    public Judgement judge(GeneratedImage image) {
        Product product = image.request().product();
        String fallback = AltText.fallback(product);
        if (mode == GeneratorConfig.QualityMode.OFF) {
            return new Judgement(QualityVerdict.notChecked(fallback, OFF), null);
        }
        String why;
        try {
            QualityVerdict verdict = chat.get().judge(image.image(), image.contentType(), product, image.prompt());
            if (verdict.altText() == null) {
                verdict = withAltText(verdict, fallback);
            }
            record(verdict);
            return new Judgement(verdict, null);
        } catch (ChatException e) {
            why = "quality check unavailable (" + e.failureClass() + "): " + e.getMessage();
        } catch (RuntimeException e) {
            // anything else (a client that cannot be built, an answer nobody expected): the image matters more
            why = "quality check unavailable: " + e;
        }
        why = why.length() <= QualityVerdict.MAX_REASON_CHARS ? why : why.substring(0, QualityVerdict.MAX_REASON_CHARS);
        LOG.warnf("Product %d (request %s): %s", product.id(), image.request().requestId(), why);
        metrics.counter("generator.quality.checks", "outcome", "not_checked").increment();
        return new Judgement(QualityVerdict.notChecked(fallback, why), why);
    }

    private void record(QualityVerdict verdict) {
        metrics.counter("generator.quality.checks", "outcome", verdict.outcome().name().toLowerCase()).increment();
        String model = verdict.model() == null ? "unknown" : verdict.model();
        if (verdict.costUsd() != null) {
            metrics.counter("generator.chat.cost.usd", "model", model).increment(verdict.costUsd().doubleValue());
        }
        metrics.counter("generator.chat.tokens", "type", "input").increment(verdict.inputTokens());
        metrics.counter("generator.chat.tokens", "type", "output").increment(verdict.outputTokens());
    }

    private static QualityVerdict withAltText(QualityVerdict v, String altText) {
        return new QualityVerdict(v.outcome(), v.matchesProduct(), v.noTextOrLogos(), v.plainBackground(),
                v.wholeAndCentred(), v.reasons(), altText, v.model(), v.inputTokens(), v.outputTokens(), v.costUsd(),
                v.regenerations());
    }
}
