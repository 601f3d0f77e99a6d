/**
 * An emulator of an Azure OpenAI resource: image generation and chat completions with vision
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
 *   <li>The content filter is a case-insensitive substring match against the blocked terms.</li>
 *   <li>{@code quality=auto} is answered as {@code medium}, {@code size=auto} as 1024x1024, {@code background=auto} as
 *       opaque; JPEG quality is {@code output_compression/100}; PNG ignores {@code output_compression}.</li>
 *   <li>No streaming ({@code stream}/{@code partial_images}) and no {@code /images/edits}.</li>
 *   <li>Chat: the vision model judges the prompt embedded in the image, not its pixels; tokens are four characters
 *       each; no tools, no streaming, one choice.</li>
 * </ul>
 */
package com.catalogimage.localstack.imageapi;
