package com.catalogimage.console.support;

import com.catalogimage.contracts.ProductStatus.ReasonCode;
import com.catalogimage.contracts.ProductStatus.State;
import java.math.BigDecimal;
import java.time.Instant;

/** The products the page tests look at, written once per test JVM (ids far from any other test's). */
public final class Sample {

    public static final long MUG = 9_100_001L;
    public static final String MUG_NAME = "Blue Ceramic Mug";
    public static final String MUG_PROMPT = "A blue ceramic mug on a white background, studio light";
    public static final String MUG_REQUEST = "req-9100001-1";
    public static final String MUG_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

    public static final long MARKUP = 9_100_002L;
    public static final String MARKUP_NAME = "<script>alert('x')</script> Desk Lamp";
    public static final String MARKUP_REQUEST = "req-9100002-1";

    public static final long REFUSED = 9_100_003L;
    public static final String REFUSED_REQUEST = "req-9100003-1";

    private static boolean written;

    private Sample() {
    }

    /** Writes the sample the first time it is asked for. */
    public static synchronized void ensure() {
        if (written) {
            return;
        }
        Seed.image(Seed.PUBLIC, MUG, MUG_NAME, "Kitchen", MUG_PROMPT, MUG_REQUEST, Instant.now().minusSeconds(60));
        Seed.image(Seed.REVIEW, MARKUP, MARKUP_NAME, "Lighting & <b>Lamps</b>", "A desk lamp, \"quoted\" & <i>odd</i>",
                MARKUP_REQUEST, Instant.now());
        Seed.status(MUG, MUG_REQUEST, State.REQUESTED, null, "requested", "product-scanner", null, MUG_TRACE);
        Seed.status(MUG, MUG_REQUEST, State.GENERATED, null, "generated", "image-generator", new BigDecimal("0.011"),
                MUG_TRACE);
        Seed.status(MUG, MUG_REQUEST, State.STORED, null, "images/9100001-blue-ceramic-mug-0123456789ab.png",
                "blob-uploader", null, MUG_TRACE);
        Seed.status(MUG, MUG_REQUEST, State.COMPLETED, null, "catalog updated", "catalog-updater", null, MUG_TRACE);
        Seed.status(MARKUP, MARKUP_REQUEST, State.AWAITING_REVIEW, null, "<img src=x onerror=alert(1)>", "blob-uploader",
                null, null);
        Seed.status(REFUSED, REFUSED_REQUEST, State.DEAD_LETTERED, ReasonCode.CONTENT_POLICY, "content policy",
                "image-generator", null, null);
        written = true;
    }
}
