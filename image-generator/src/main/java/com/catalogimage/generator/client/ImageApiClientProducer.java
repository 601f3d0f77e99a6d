package com.catalogimage.generator.client;

import com.catalogimage.generator.config.GeneratorConfig;
import com.openai.azure.AzureOpenAIServiceVersion;
import com.openai.azure.AzureUrlPathMode;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.openai.azure.credential.AzureApiKeyCredential;
import com.openai.credential.BearerTokenCredential;
import com.openai.credential.Credential;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;

/** One openai-java client per application, in Azure mode, closed on shutdown. */
@ApplicationScoped
public class ImageApiClientProducer {

    static final String COGNITIVE_SERVICES_SCOPE = "https://cognitiveservices.azure.com/.default";

    @Produces
    @ApplicationScoped
    OpenAIClient client(GeneratorConfig config) {
        String endpoint = config.endpoint().replaceAll("/+$", "");
        OpenAIOkHttpClient.Builder builder = OpenAIOkHttpClient.builder()
                .credential(credential(config))
                .timeout(config.timeout())
                // SmallRye Fault Tolerance retries (ImageApi): SDK retries on top would multiply every attempt by three.
                .maxRetries(0);
        if (config.pathMode() == GeneratorConfig.PathMode.UNIFIED) {
            // UNIFIED appends only /images/generations to the base URL
            builder.baseUrl(endpoint + "/openai/v1").azureUrlPathMode(AzureUrlPathMode.UNIFIED);
        } else {
            builder.baseUrl(endpoint).azureUrlPathMode(AzureUrlPathMode.LEGACY)
                    .azureServiceVersion(AzureOpenAIServiceVersion.fromString(config.apiVersion()));
        }
        return builder.build();
    }

    /** The API key, or Entra ID tokens: azure-identity caches them and refreshes them before they expire. */
    static Credential credential(GeneratorConfig config) {
        if (config.auth() == GeneratorConfig.Auth.ENTRA_ID) {
            TokenCredential identity = new DefaultAzureCredentialBuilder().build();
            TokenRequestContext scope = new TokenRequestContext().addScopes(COGNITIVE_SERVICES_SCOPE);
            return BearerTokenCredential.create(() -> identity.getTokenSync(scope).getToken());
        }
        String key = config.apiKey().filter(value -> !value.isBlank()).orElseThrow(() -> new IllegalStateException(
                "generator.auth=api-key needs AZURE_OPENAI_API_KEY (or set AZURE_OPENAI_AUTH=entra-id)"));
        return AzureApiKeyCredential.create(key);
    }

    void close(@Disposes OpenAIClient client) {
        client.close();
    }
}
