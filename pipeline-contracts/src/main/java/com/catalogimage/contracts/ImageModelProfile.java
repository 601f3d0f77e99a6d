package com.catalogimage.contracts;

import com.catalogimage.contracts.ImageModels.Parameter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One image model's profile ({@link ImageModels.Profile}) as plain values, with the decisions made from it: whether a
 * request's settings are ones the model takes, what an image costs, whether the model retires soon. Pure: tested by
 * plain JUnit.
 */
public record ImageModelProfile(
        String model,
        List<String> sizes,
        Optional<ImageModels.SizeRule> sizeRule,
        List<String> qualities,
        List<String> outputFormats,
        Set<Parameter> parameters,
        List<String> backgrounds,
        boolean edits,
        int maxImages,
        int maxPromptChars,
        Optional<LocalDate> deprecated,
        Optional<LocalDate> retires,
        Map<String, BigDecimal> prices,
        Optional<ImageModels.Tokens> tokens) {

    /** How long before its retirement a model is warned about (and shown in readiness). */
    public static final int RETIREMENT_WARNING_DAYS = 60;

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
    private static final long SQUARE_1024 = 1024L * 1024L;

    /** The profile of {@code model} from configuration. */
    public static ImageModelProfile of(String model, ImageModels.Profile p) {
        EnumSet<Parameter> params = EnumSet.noneOf(Parameter.class);
        params.addAll(p.parameters());
        params.remove(Parameter.NONE);
        return new ImageModelProfile(model, p.sizes().orElse(List.of()), p.sizeRule(), p.qualities(), p.outputFormats(),
                Set.copyOf(params), p.backgrounds().orElse(List.of()), p.edits(), p.maxImages(), p.maxPromptChars(),
                p.deprecated(), p.retires(), Map.copyOf(p.prices()), p.tokens());
    }

    /**
     * What one request asks of the model. Optional parameters are {@code null} when not set.
     *
     * @param size              {@code WIDTHxHEIGHT} or {@code auto}
     * @param quality           a quality tier
     * @param outputFormat      {@code png} or {@code jpeg}; {@code null} for dall-e
     * @param background        {@code background} or {@code null}
     * @param outputCompression {@code output_compression} or {@code null}
     * @param moderation        {@code moderation} or {@code null}
     * @param inputFidelity     {@code input_fidelity} (edits only) or {@code null}
     * @param images            {@code n}
     * @param edits             whether the request goes to {@code /images/edits} (a reference photo or a restyle)
     */
    public record Settings(String size, String quality, String outputFormat, String background, Integer outputCompression,
            String moderation, String inputFidelity, int images, boolean edits) {
    }

    /**
     * Every way {@code settings} does not fit this model, one line each, naming the setting and what the model takes;
     * empty when it fits.
     */
    public List<String> problems(Settings settings) {
        List<String> problems = new ArrayList<>();
        sizeProblem(settings.size()).ifPresent(problems::add);
        if (!qualities.contains(settings.quality())) {
            problems.add(model + " takes quality " + String.join("|", qualities) + ", not '" + settings.quality() + "'");
        }
        if (settings.outputFormat() != null && !outputFormats.contains(settings.outputFormat())) {
            problems.add(model + " outputs " + String.join("|", outputFormats) + " on Azure, not '"
                    + settings.outputFormat() + "'");
        }
        if (settings.background() != null) {
            if (!parameters.contains(Parameter.BACKGROUND)) {
                problems.add(model + " does not take background");
            } else if (!backgrounds.isEmpty() && !backgrounds.contains(settings.background())) {
                problems.add(model + " takes background " + String.join("|", backgrounds) + ", not '"
                        + settings.background() + "'");
            }
        }
        if (settings.outputCompression() != null) {
            if (!parameters.contains(Parameter.OUTPUT_COMPRESSION)) {
                problems.add(model + " does not take output_compression");
            } else if (settings.outputCompression() < 0 || settings.outputCompression() > 100) {
                problems.add("output_compression is 0-100, not " + settings.outputCompression());
            }
        }
        if (settings.moderation() != null) {
            if (!parameters.contains(Parameter.MODERATION)) {
                problems.add(model + " does not take moderation");
            } else if (!List.of("auto", "low").contains(settings.moderation())) {
                problems.add("moderation is auto|low, not '" + settings.moderation() + "'");
            }
        }
        if (settings.inputFidelity() != null && settings.edits()) {
            if (!parameters.contains(Parameter.INPUT_FIDELITY)) {
                problems.add(model + " does not take input_fidelity");
            } else if (!List.of("low", "high").contains(settings.inputFidelity())) {
                problems.add("input_fidelity is low|high, not '" + settings.inputFidelity() + "'");
            }
        }
        if (settings.images() < 1 || settings.images() > maxImages) {
            problems.add(model + " makes 1 to " + maxImages + " images per call, not " + settings.images());
        }
        if (settings.edits() && !edits) {
            problems.add(model + " does not answer /images/edits (reference photos, restyles)");
        }
        return problems;
    }

    /** Whether the model takes {@code parameter}. */
    public boolean takes(Parameter parameter) {
        return parameters.contains(parameter);
    }

    private Optional<String> sizeProblem(String size) {
        if (size == null) {
            return Optional.of("size is required");
        }
        if (sizeRule.isEmpty()) {
            return sizes.contains(size) ? Optional.empty()
                    : Optional.of(model + " takes size " + String.join("|", sizes) + ", not '" + size + "'");
        }
        ImageModels.SizeRule rule = sizeRule.get();
        if ("auto".equals(size)) {
            return rule.auto() ? Optional.empty() : Optional.of(model + " does not take size auto");
        }
        Optional<int[]> dims = dimensions(size);
        if (dims.isEmpty()) {
            return Optional.of("size is WIDTHxHEIGHT or auto, not '" + size + "'");
        }
        int w = dims.get()[0];
        int h = dims.get()[1];
        long pixels = (long) w * h;
        String rules = model + " takes sizes with edges multiples of " + rule.multipleOf() + ", the longest at most "
                + rule.maxEdge() + ", an aspect ratio within " + ratio(rule.maxAspectRatio()) + ":1 and " + rule.minPixels()
                + "-" + rule.maxPixels() + " pixels, not '" + size + "'";
        boolean fits = w % rule.multipleOf() == 0 && h % rule.multipleOf() == 0 && Math.max(w, h) <= rule.maxEdge()
                && (double) Math.max(w, h) / Math.min(w, h) <= rule.maxAspectRatio()
                && pixels >= rule.minPixels() && pixels <= rule.maxPixels();
        return fits ? Optional.empty() : Optional.of(rules);
    }

    private static String ratio(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    /** {@code WIDTHxHEIGHT} as two positive integers, if it is one. */
    public static Optional<int[]> dimensions(String size) {
        if (size == null) {
            return Optional.empty();
        }
        String[] parts = size.toLowerCase(Locale.ROOT).split("x");
        if (parts.length != 2) {
            return Optional.empty();
        }
        try {
            int w = Integer.parseInt(parts[0].strip());
            int h = Integer.parseInt(parts[1].strip());
            return w > 0 && h > 0 ? Optional.of(new int[] {w, h}) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * What one call of {@code images} images is expected to cost before it is made: the per-image table when it has
     * the combination, else the token prices with the expected tokens ({@code auto} size counts as 1024x1024).
     * Empty when neither knows it.
     */
    public Optional<BigDecimal> estimate(String quality, String size, int images, boolean withReference) {
        String priced = "auto".equals(size) ? "1024x1024" : size;
        BigDecimal perImage = prices.get(quality + "/" + priced);
        if (perImage != null) {
            BigDecimal reference = withReference ? referenceCost() : BigDecimal.ZERO;
            return Optional.of(perImage.multiply(BigDecimal.valueOf(images)).add(reference)
                    .setScale(6, RoundingMode.HALF_UP));
        }
        if (tokens.isEmpty()) {
            return Optional.empty();
        }
        ImageModels.Tokens t = tokens.get();
        Long square = t.outputTokens().get(quality);
        Optional<int[]> dims = dimensions(priced);
        if (square == null || dims.isEmpty()) {
            return Optional.empty();
        }
        long pixels = (long) dims.get()[0] * dims.get()[1];
        long output = Math.round((double) square * pixels / SQUARE_1024) * images;
        long imageInput = withReference ? t.expectedReferenceTokens() : 0;
        return Optional.of(tokenCost(t, t.expectedPromptTokens(), imageInput, output));
    }

    private BigDecimal referenceCost() {
        return tokens.map(t -> perMillion(t.imageInputPerMillion(), t.expectedReferenceTokens())).orElse(BigDecimal.ZERO);
    }

    /**
     * What a call that answered cost: its reported usage at the token prices when both are known, else the estimate.
     *
     * @param textInputTokens  the usage's text input tokens, or {@code null} when the model reported no usage
     * @param imageInputTokens the usage's image input tokens (reference photos), or {@code null}
     * @param outputTokens     the usage's output tokens, or {@code null}
     */
    public Optional<BigDecimal> cost(String quality, String size, int images, boolean withReference, Long textInputTokens,
            Long imageInputTokens, Long outputTokens) {
        if (tokens.isPresent() && outputTokens != null) {
            return Optional.of(tokenCost(tokens.get(), textInputTokens == null ? 0 : textInputTokens,
                    imageInputTokens == null ? 0 : imageInputTokens, outputTokens));
        }
        return estimate(quality, size, images, withReference);
    }

    private static BigDecimal tokenCost(ImageModels.Tokens t, long textInput, long imageInput, long output) {
        return perMillion(t.textInputPerMillion(), textInput).add(perMillion(t.imageInputPerMillion(), imageInput))
                .add(perMillion(t.imageOutputPerMillion(), output)).setScale(6, RoundingMode.HALF_UP);
    }

    private static BigDecimal perMillion(BigDecimal price, long tokens) {
        return price.multiply(BigDecimal.valueOf(tokens)).divide(MILLION, 9, RoundingMode.HALF_UP);
    }

    /** Days until the model retires, when it retires within {@link #RETIREMENT_WARNING_DAYS} of {@code today}. */
    public Optional<Long> retiresWithinWarning(LocalDate today) {
        return retires.map(date -> ChronoUnit.DAYS.between(today, date))
                .filter(days -> days <= RETIREMENT_WARNING_DAYS);
    }

    /** Whether the model has retired by {@code today} (its deployments answer 404). */
    public boolean retiredBy(LocalDate today) {
        return retires.map(date -> !today.isBefore(date)).orElse(false);
    }
}
