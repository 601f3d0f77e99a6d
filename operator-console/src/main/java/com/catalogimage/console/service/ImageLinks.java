package com.catalogimage.console.service;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.models.UserDelegationKey;
import com.azure.storage.blob.sas.BlobSasPermission;
import com.azure.storage.blob.sas.BlobServiceSasSignatureValues;
import com.azure.storage.common.sas.SasProtocol;
import com.catalogimage.console.client.BlobStorage;
import com.catalogimage.console.config.ConsoleConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Short-lived read-only links to blobs: the only way a page shows an image, so neither container needs public read
 * (the review container never has it). Each link is a service SAS of one blob with read permission only ({@code sp=r}),
 * valid for {@code console.sas.minutes} (at most 15), HTTPS only unless the endpoint itself is plain HTTP (the local
 * stack's Azurite). Signed with the account key when the console has one (a connection string), else with a
 * user-delegation key of its managed identity, asked once and kept until shortly before it expires. Never a SAS that can
 * write: the permission is fixed here, not configurable.
 */
@ApplicationScoped
public class ImageLinks {

    /** The most a link may be valid. */
    public static final int MAX_MINUTES = 15;
    /** How long a user-delegation key is asked for; links are signed with it until it has less than a link's life left. */
    static final Duration DELEGATION_KEY_LIFE = Duration.ofHours(1);
    /** Links start a little in the past: a client clock behind the storage's would otherwise see a link not yet valid. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

    private final BlobServiceClient service;
    private final boolean accountKey;
    private final Duration validity;
    private final boolean httpsOnly;
    private final Clock clock;
    private volatile UserDelegationKey delegationKey;

    @Inject
    public ImageLinks(BlobStorage storage, ConsoleConfig config) {
        this(storage.service(), storage.accountKey(), config.sas().minutes(), Clock.systemUTC());
    }

    public ImageLinks(BlobServiceClient service, boolean accountKey, int minutes, Clock clock) {
        if (minutes < 1 || minutes > MAX_MINUTES) {
            throw new IllegalStateException("CONSOLE_SAS_MINUTES must be between 1 and " + MAX_MINUTES + ", not " + minutes
                    + ": a link to an image stays readable by whoever has it for that long");
        }
        this.service = service;
        this.accountKey = accountKey;
        this.validity = Duration.ofMinutes(minutes);
        this.httpsOnly = !service.getAccountUrl().startsWith("http:");
        this.clock = clock;
    }

    /** How long a link is valid. */
    public Duration validity() {
        return validity;
    }

    /** A read-only link to the blob, valid from now for {@link #validity()}. */
    public String read(BlobContainerClient container, String blobName) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        BlobServiceSasSignatureValues values = values(now, validity, httpsOnly);
        var blob = container.getBlobClient(blobName);
        String sas = accountKey ? blob.generateSas(values) : blob.generateUserDelegationSas(values, delegationKey(now));
        return blob.getBlobUrl() + "?" + sas;
    }

    /** What every link is signed for: read only, from a little before now until now plus its life, HTTPS outside the local stack. */
    static BlobServiceSasSignatureValues values(OffsetDateTime now, Duration validity, boolean httpsOnly) {
        return new BlobServiceSasSignatureValues(now.plus(validity), new BlobSasPermission().setReadPermission(true))
                .setStartTime(now.minus(CLOCK_SKEW))
                .setProtocol(httpsOnly ? SasProtocol.HTTPS_ONLY : SasProtocol.HTTPS_HTTP);
    }

    /** The user-delegation key, asked again once it has less than a link's life left. */
    private UserDelegationKey delegationKey(OffsetDateTime now) {
        UserDelegationKey key = delegationKey;
        if (key == null || key.getSignedExpiry().isBefore(now.plus(validity).plusMinutes(1))) {
            synchronized (this) {
                key = delegationKey;
                if (key == null || key.getSignedExpiry().isBefore(now.plus(validity).plusMinutes(1))) {
                    key = service.getUserDelegationKey(now.minus(CLOCK_SKEW), now.plus(DELEGATION_KEY_LIFE));
                    delegationKey = key;
                }
            }
        }
        return key;
    }
}
