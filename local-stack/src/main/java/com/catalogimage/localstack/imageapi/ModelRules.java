package com.catalogimage.localstack.imageapi;

import java.util.List;
import java.util.Locale;

/**
 * What Azure accepts per image model, the emulator's own table: it plays Azure, so it must not read the pipeline's
 * {@code ImageModels} configuration (a wrong profile there would then pass its own test). Checked against public
 * material in 2026-12 (see decision 0029):
 * <ul>
 *   <li>{@code gpt-image-2} (and the 2.x variants): flexible sizes, edges multiples of 16, longest edge ≤ 3840, aspect
 *       ratio ≤ 3:1, 655,360–8,294,400 pixels, or {@code auto}; backgrounds {@code opaque}|{@code auto} (no
 *       transparency); no {@code input_fidelity} (edits are always high fidelity); refusals as
 *       {@code moderation_blocked};</li>
 *   <li>{@code gpt-image-1}, {@code gpt-image-1.5}: 1024x1024, 1024x1536, 1536x1024, auto; all backgrounds;
 *       {@code input_fidelity} low|high on edits;</li>
 *   <li>{@code gpt-image-1-mini}: as gpt-image-1, but {@code input_fidelity} only {@code low} (its documented
 *       exception; {@code high} is refused);</li>
 *   <li>{@code dall-e-3}: 1024x1024, 1792x1024, 1024x1792; quality standard|hd; n=1; no moderation, background,
 *       output format or compression; no edits.</li>
 * </ul>
 * Unknown {@code gpt-image*} names get gpt-image-1's rules.
 */
record ModelRules(String model, Family family, List<String> fixedSizes, List<String> qualities,
                  List<String> backgrounds, List<String> inputFidelities, int maxImages, int maxPrompt) {

    /** Which answer shapes and refusal bodies the model family uses. */
    enum Family { GPT_IMAGE_1, GPT_IMAGE_2, DALL_E }

    static final int MULTIPLE_OF = 16;
    static final int MAX_EDGE = 3840;
    static final int MAX_ASPECT_RATIO = 3;
    static final int MIN_PIXELS = 655_360;
    static final int MAX_PIXELS = 8_294_400;

    private static final List<String> GPT_SIZES = List.of("1024x1024", "1024x1536", "1536x1024", "auto");
    private static final List<String> GPT_QUALITIES = List.of("low", "medium", "high", "auto");

    static ModelRules of(String model) {
        String lower = model == null ? "" : model.toLowerCase(Locale.ROOT);
        if (lower.startsWith("dall-e")) {
            return new ModelRules(model, Family.DALL_E, List.of("1024x1024", "1792x1024", "1024x1792"),
                    List.of("standard", "hd"), List.of(), List.of(), 1, GenerationRequest.DALL_E_PROMPT_MAX);
        }
        if (lower.startsWith("gpt-image-2")) {
            return new ModelRules(model, Family.GPT_IMAGE_2, null, GPT_QUALITIES, List.of("opaque", "auto"), List.of(),
                    10, GenerationRequest.GPT_IMAGE_PROMPT_MAX);
        }
        List<String> fidelity = lower.startsWith("gpt-image-1-mini") ? List.of("low") : List.of("low", "high");
        return new ModelRules(model, Family.GPT_IMAGE_1, GPT_SIZES, GPT_QUALITIES,
                List.of("transparent", "opaque", "auto"), fidelity, 10, GenerationRequest.GPT_IMAGE_PROMPT_MAX);
    }

    boolean dallE() {
        return family == Family.DALL_E;
    }

    boolean flexibleSizes() {
        return fixedSizes == null;
    }

    /** Whether the model takes {@code input_fidelity} at all (gpt-image-2 does not: its edits are always high). */
    boolean takesInputFidelity() {
        return !inputFidelities.isEmpty();
    }

    /**
     * Why a flexible size is refused, in the service's words, or null when it is allowed. {@code size} is
     * {@code <width>x<height>}; {@code auto} is always allowed.
     */
    static String flexibleSizeProblem(String size) {
        if ("auto".equals(size)) {
            return null;
        }
        int[] dims = dimensions(size);
        if (dims == null) {
            return "Invalid size '" + size + "'. Expected 'auto' or '<width>x<height>', for example '1024x1024'.";
        }
        int w = dims[0];
        int h = dims[1];
        if (w % MULTIPLE_OF != 0 || h % MULTIPLE_OF != 0) {
            return "Invalid size '" + size + "'. Width and height must both be divisible by " + MULTIPLE_OF + ".";
        }
        if (Math.max(w, h) > MAX_EDGE) {
            return "Invalid size '" + size + "'. The longest edge must be at most " + MAX_EDGE + " pixels.";
        }
        if (Math.max(w, h) > (long) MAX_ASPECT_RATIO * Math.min(w, h)) {
            return "Invalid size '" + size + "'. The aspect ratio must be at most " + MAX_ASPECT_RATIO + ":1.";
        }
        long pixels = (long) w * h;
        if (pixels < MIN_PIXELS || pixels > MAX_PIXELS) {
            return "Invalid size '" + size + "'. The total number of pixels must be between " + MIN_PIXELS + " and "
                    + MAX_PIXELS + ", but got " + pixels + ".";
        }
        return null;
    }

    /** {@code [width, height]} of {@code WxH} with positive edges, or null. */
    static int[] dimensions(String size) {
        if (size == null || !size.matches("[1-9]\\d{0,4}x[1-9]\\d{0,4}")) {
            return null;
        }
        String[] parts = size.split("x");
        return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
    }
}
