package com.catalogimage.localstack.imageapi;

import com.openai.azure.AzureOpenAIServiceVersion;
import com.openai.azure.AzureUrlPathMode;
import com.openai.azure.credential.AzureApiKeyCredential;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.services.blocking.ImageService;
import java.time.Duration;

/** The openai-java client configurations the image generator uses against Azure (and so against the emulator). */
final class AzureClients {

    static final String API_VERSION = "2025-04-01-preview";

    private AzureClients() {
    }

    /** openai-java's client has close() but is not AutoCloseable; this lets a test use try-with-resources. */
    record Closing(OpenAIClient client) implements AutoCloseable {
        ImageService images() {
            return client.images();
        }

        @Override
        public void close() {
            client.close();
        }
    }

    static Closing closing(OpenAIOkHttpClient.Builder builder) {
        return new Closing(builder.build());
    }

    /** {@code POST {endpoint}/openai/deployments/{model}/images/generations?api-version=2025-04-01-preview}, header api-key. */
    static OpenAIOkHttpClient.Builder legacy(String endpoint, String apiKey) {
        return OpenAIOkHttpClient.builder()
                .baseUrl(endpoint)
                .credential(AzureApiKeyCredential.create(apiKey))
                .azureServiceVersion(AzureOpenAIServiceVersion.fromString(API_VERSION))
                .azureUrlPathMode(AzureUrlPathMode.LEGACY)
                .maxRetries(0)
                .timeout(Duration.ofSeconds(20));
    }

    /** {@code POST {endpoint}/openai/v1/images/generations} with the deployment as {@code model}, header api-key. */
    static OpenAIOkHttpClient.Builder unified(String endpoint, String apiKey) {
        return OpenAIOkHttpClient.builder()
                .baseUrl(endpoint + "/openai/v1")
                .credential(AzureApiKeyCredential.create(apiKey))
                .azureUrlPathMode(AzureUrlPathMode.UNIFIED)
                .maxRetries(0)
                .timeout(Duration.ofSeconds(20));
    }

    /** Legacy path with {@code Authorization: Bearer <token>} (an Entra ID token in production). */
    static OpenAIOkHttpClient.Builder legacyBearer(String endpoint, String token) {
        return OpenAIOkHttpClient.builder()
                .baseUrl(endpoint)
                .apiKey(token)
                .azureServiceVersion(AzureOpenAIServiceVersion.fromString(API_VERSION))
                .azureUrlPathMode(AzureUrlPathMode.LEGACY)
                .maxRetries(0)
                .timeout(Duration.ofSeconds(20));
    }
}
