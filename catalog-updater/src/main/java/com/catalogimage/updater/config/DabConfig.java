package com.catalogimage.updater.config;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** Credentials sent to Data API Builder. Both come from the environment and are never logged. */
@ConfigMapping(prefix = "dab")
public interface DabConfig {

    /** The DAB role to act as ({@code X-MS-API-ROLE}); environment {@code DAB_ROLE}. Unset: DAB's default role. */
    Optional<String> role();

    /** A bearer token for DAB's EntraId or Custom provider ({@code Authorization}); environment {@code DAB_TOKEN}. */
    Optional<String> token();
}
