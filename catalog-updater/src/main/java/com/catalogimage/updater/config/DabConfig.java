package com.catalogimage.updater.config;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** How the updater authenticates to Data API Builder. From the environment; a token is never logged. */
@ConfigMapping(prefix = "dab")
public interface DabConfig {

    /** The DAB role to act as ({@code X-MS-API-ROLE}); environment {@code DAB_ROLE}. Unset: DAB's default role. */
    Optional<String> role();

    /**
     * A static bearer token for DAB's EntraId or Custom provider ({@code Authorization}); environment
     * {@code DAB_TOKEN}. A development fallback: it is never refreshed. Ignored when {@link #authScope()} is set.
     */
    Optional<String> token();

    /**
     * DAB with Entra ID: the scope of DAB's app registration, e.g. {@code api://<app-id>/.default}; environment
     * {@code DAB_AUTH_SCOPE}. Set, the bearer token comes from azure-identity's DefaultAzureCredential (workload or
     * managed identity, {@code az login}) and is refreshed before it expires (dab-auth's {@code DabBearer}).
     */
    Optional<String> authScope();
}
