package com.catalogimage.uploader.client;

import com.catalogimage.uploader.config.UploaderConfig;
import java.util.Optional;

/** Storage settings built by hand, for tests that construct clients without Quarkus. */
public record TestStorage(Optional<String> connectionString, Optional<String> accountUrl, Optional<String> sasToken,
        String container) implements UploaderConfig.Storage {

    public static TestStorage connectionString(String connectionString, String container) {
        return new TestStorage(Optional.of(connectionString), Optional.empty(), Optional.empty(), container);
    }

    public static TestStorage sas(String accountUrl, String sasToken, String container) {
        return new TestStorage(Optional.empty(), Optional.of(accountUrl), Optional.of(sasToken), container);
    }

    @Override
    public String reviewContainer() {
        return container + "-review";
    }

    @Override
    public boolean createContainer() {
        return false;
    }

    @Override
    public UploaderConfig.PublicAccess publicAccess() {
        return UploaderConfig.PublicAccess.NONE;
    }
}
