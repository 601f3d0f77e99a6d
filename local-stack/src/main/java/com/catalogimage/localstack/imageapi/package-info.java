/**
 * An emulator of an Azure OpenAI resource: image generation and edits, and chat completions with vision
 * ({@link com.catalogimage.localstack.imageapi.ImageApiEmulator}).
 *
 * <h2>Pointing openai-java (4.101.0) at it</h2>
 * {@code AzureUrlPathMode.AUTO} only recognises real Azure host names, so set the mode explicitly:
 * <pre>{@code
 * // legacy path: POST {endpoint}/openai/deployments/{model}/images/generations?api-version=2025-04-01-preview
 * OpenAIClient legacy = OpenAIOkHttpClient.builder()
 *         .baseUrl(emulator.baseUri().toString())                      // the Azure endpoint, without /openai
 *         .credential(AzureApiKeyCredential.create("local-dev-key"))   // sends header api-key
 *         .azureServiceVersion(AzureOpenAIServiceVersion.fromString("2025-04-01-preview"))
 *         .azureUrlPathMode(AzureUrlPathMode.LEGACY)
 *         .maxRetries(0)
 *         .build();
 *
 * // v1 path: POST {endpoint}/openai/v1/images/generations, deployment name in "model"
 * OpenAIClient unified = OpenAIOkHttpClient.builder()
 *         .baseUrl(emulator.baseUri() + "/openai/v1")                  // UNIFIED appends only /images/generations
 *         .credential(AzureApiKeyCredential.create("local-dev-key"))
 *         .azureUrlPathMode(AzureUrlPathMode.UNIFIED)
 *         .maxRetries(0)
 *         .build();
 *
 * // Entra ID style: .apiKey(token) instead of .credential(...) sends Authorization: Bearer <token>;
 * // the emulator accepts a bearer token equal to its api key.
 *
 * client.images().generate(ImageGenerateParams.builder()
 *         .model("gpt-image-1-mini")                                   // the deployment name
 *         .prompt(prompt)
 *         .size(ImageGenerateParams.Size._1024X1024)
 *         .quality(ImageGenerateParams.Quality.MEDIUM)
 *         .outputFormat(ImageGenerateParams.OutputFormat.PNG)
 *         .putAdditionalHeader("x-ms-client-request-id", requestId)    // counted as the request id when there is no user
 *         .build());
 * }</pre>
 *
 * <h2>Per-model checks ({@code ModelRules}, the emulator's own table: it plays Azure, independent of ImageModels)</h2>
 * <ul>
 *   <li>{@code gpt-image-2*}: {@code size} {@code auto} or {@code WxH} with edges multiples of 16, longest edge ≤ 3840,
 *       aspect ratio ≤ 3:1, 655,360–8,294,400 pixels (else 400 {@code invalid_value}, param {@code size}, e.g.
 *       "Invalid size '1792x936'. Width and height must both be divisible by 16."); {@code background}
 *       {@code opaque}|{@code auto}; no {@code input_fidelity} (400 {@code invalid_input_fidelity_model}, type
 *       {@code image_generation_user_error}: its edits are always high fidelity); a blocked prompt is 400
 *       {@code moderation_blocked} (type {@code image_generation_user_error}, {@code moderation_details});</li>
 *   <li>{@code gpt-image-1}, {@code gpt-image-1.5}, {@code gpt-image-1-mini}: sizes 1024x1024, 1024x1536, 1536x1024,
 *       auto; backgrounds transparent|opaque|auto; {@code input_fidelity} low|high on edits (mini: {@code low} only);
 *       a blocked prompt is 400 {@code content_policy_violation};</li>
 *   <li>{@code dall-e-3}: sizes 1024x1024, 1792x1024, 1024x1792; quality standard|hd; n=1; {@code moderation} and
 *       {@code input_fidelity} are 400 {@code unknown_parameter}; no edits (400 {@code OperationNotSupported});</li>
 *   <li>all gpt-image models: {@code n} 1–10, {@code quality} low|medium|high|auto, {@code output_format} png|jpeg,
 *       {@code output_compression} 0–100, {@code moderation} auto|low; {@code input_fidelity} on a generation is
 *       400 {@code unknown_parameter}.</li>
 * </ul>
 * {@code Config.withPolicyErrorStyle} forces one refusal body on every deployment ({@code MODERATION_BLOCKED},
 * {@code CONTENT_POLICY_VIOLATION}, {@code CONTENT_FILTER}); {@code MODEL_DEFAULT} (the default) is the model's own.
 *
 * <h2>Edits ({@code /images/edits})</h2>
 * {@code POST {endpoint}/openai/deployments/{d}/images/edits?api-version=...} or {@code POST /openai/v1/images/edits}
 * with {@code model} as a form field; {@code multipart/form-data} (anything else: 400 "expected multipart/form-data");
 * same key, rate limit ({@code Images_Edit} wording), faults, latency and answer shape as generations. Parts:
 * {@code image} or {@code image[]} (1–16; each {@code image/png} or {@code image/jpeg} by its part's Content-Type,
 * else 400 {@code unsupported_file_mimetype}, and by its bytes, else 400 {@code invalid_image_file}; ≤ 50 MB each),
 * optional {@code mask} (png with alpha, the first image's size), and the text fields {@code prompt}, {@code n},
 * {@code size}, {@code quality}, {@code output_format}, {@code output_compression}, {@code background},
 * {@code moderation}, {@code input_fidelity}, {@code user}. Through openai-java:
 * <pre>{@code
 * client.images().edit(ImageEditParams.builder()
 *         .model("gpt-image-1.5").prompt(prompt)
 *         .image(MultipartField.<ImageEditParams.Image>builder()
 *                 .value(ImageEditParams.Image.ofInputStream(new ByteArrayInputStream(photo)))
 *                 .filename("photo.png").contentType("image/png").build())   // image(byte[]) alone: octet-stream, 400
 *         .inputFidelity(ImageEditParams.InputFidelity.HIGH)                 // not on gpt-image-2
 *         .putAdditionalBodyProperty("moderation", JsonValue.from("low"))    // sent as a form field
 *         .build());
 * }</pre>
 * {@code usage.input_tokens_details.image_tokens} counts each reference: 65 + 129 per 512-pixel tile (fit in 2048,
 * shortest side 768), plus 4,160 (square) or 6,240 at high fidelity (gpt-image-2: always). The image is rendered like
 * a generation's (the reference photo is not drawn into it). {@code ImageApiStats.receivedEdits()} records what each
 * edit received: each reference's sha-256, size, type, filename and dimensions, whether a mask came, the fidelity.
 *
 * <h2>Chat completions and the vision model</h2>
 * The same server is the resource's chat endpoint ({@code gpt-5-mini} in {@code Options.defaults()}):
 * <pre>{@code
 * client.chat().completions().create(ChatCompletionCreateParams.builder()
 *         .model("gpt-5-mini")                                         // the deployment name
 *         .addUserMessageOfArrayOfContentParts(List.of(text, image))   // image: data:image/png;base64,... detail low
 *         .responseFormat(ResponseFormatJsonSchema.builder()...name("quality_verdict").strict(true)...)
 *         .maxCompletionTokens(2000)                                   // max_tokens or a temperature != 1: 400
 *         .build());
 * }</pre>
 * Answers are deterministic, chosen by the schema's name: {@code quality_verdict} passes unless a
 * {@link com.catalogimage.localstack.imageapi.VisionRules vision rule}'s term is in the prompt the image emulator embedded
 * in the image ({@code PromptChunk}), with deliberately hostile alt text;
 * {@code prompt_rewrite} drops the image filter's blocked terms from the text between {@code <refused_prompt>} tags;
 * {@code prompt_ideas} gives {@code Count: n} templates with {@code {name}}. The product is read from {@code Name:},
 * {@code Description:}, {@code Category:} lines (inside {@code <product>} tags when present). Chat blocked terms
 * ({@code Config.withChatBlockedTerms}) give the 400 {@code content_filter}; refusal terms a {@code message.refusal}.
 *
 * <h2>Simplifications</h2>
 * <ul>
 *   <li>Images are drawn catalog cards, not photos; the same request renders the same bytes.</li>
 *   <li>dall-e-3 (only when configured as not retired): {@code response_format=url} is answered with a
 *       {@code data:image/png;base64,...} URL, as the emulator hosts no files.</li>
 *   <li>The content filter is a case-insensitive substring match against the blocked terms, on generations and edits
 *       alike; {@code moderation=low} does not loosen it.</li>
 *   <li>{@code quality=auto} is answered as {@code medium}, {@code size=auto} as 1024x1024, {@code background=auto} as
 *       opaque; JPEG quality is {@code output_compression/100}; PNG ignores {@code output_compression}.</li>
 *   <li>No streaming ({@code stream}/{@code partial_images}). Edits ignore the reference's pixels and the mask's
 *       area (only their headers are checked); {@code size=auto} on an edit is 1024x1024, not the input's size.</li>
 *   <li>Chat: the vision model judges the prompt embedded in the image, not its pixels; tokens are four characters
 *       each; no tools, no streaming, one choice.</li>
 * </ul>
 */
package com.catalogimage.localstack.imageapi;
