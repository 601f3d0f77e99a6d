package com.catalogimage.console.client;

import com.catalogimage.console.config.ConsoleConfig;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A {@link StageClient} per configured stage ({@code console.stages.urls}), in the pipeline's order. */
@ApplicationScoped
public class StageClients {

    /** The stages in the order the pipeline runs them; any others after. */
    private static final java.util.List<String> ORDER = java.util.List.of("scanner", "generator", "uploader", "updater");

    private final Map<String, StageClient> clients = new LinkedHashMap<>();

    public StageClients(ConsoleConfig config) {
        long timeout = config.stages().timeout().toMillis();
        Map<String, String> urls = config.stages().urls();
        ORDER.stream().filter(urls::containsKey).forEach(name -> clients.put(name, build(urls.get(name), timeout)));
        urls.keySet().stream().filter(name -> !clients.containsKey(name))
                .sorted().forEach(name -> clients.put(name, build(urls.get(name), timeout)));
    }

    private static StageClient build(String url, long timeoutMillis) {
        return QuarkusRestClientBuilder.newBuilder().baseUri(URI.create(url))
                .connectTimeout(timeoutMillis, TimeUnit.MILLISECONDS).readTimeout(timeoutMillis, TimeUnit.MILLISECONDS)
                .disableDefaultMapper(true).build(StageClient.class);
    }

    /** The stages by name, in the pipeline's order. */
    public Map<String, StageClient> all() {
        return clients;
    }
}
