package com.catalogimage.generator.client;

import com.catalogimage.generator.config.GeneratorConfig;
import com.openai.azure.AzureOpenAIServiceVersion;
import com.openai.azure.AzureUrlPathMode;
import com.openai.azure.credential.AzureApiKeyCredential;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;

/** One openai-java client per application, in Azure mode, closed on shutdown. */
@ApplicationScoped
public class ImageApiClientProducer {

    @Produces
    @ApplicationScoped
    OpenAIClient client(GeneratorConfig config) {
        String endpoint = config.endpoint().replaceAll("/+$", "");
        OpenAIOkHttpClient.Builder builder = OpenAIOkHttpClient.builder()
                .credential(AzureApiKeyCredential.create(config.apiKey()))
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

    void close(@Disposes OpenAIClient client) {
        client.close();
    }
}
