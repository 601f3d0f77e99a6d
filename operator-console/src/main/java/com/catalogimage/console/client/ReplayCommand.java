package com.catalogimage.console.client;

import java.util.List;
import java.util.Map;

/**
 * The body of the scanner's {@code POST /dead-letters/replay} as the console sends it: always by ids, never by filter
 * (a person picked the rows), and never forced (a content-policy violation is replayed only with an edited prompt or
 * template: the console offers no force).
 *
 * @param ids              dead-letter ids, {@code <partition>-<offset>}
 * @param promptOverrides  product id → the whole prompt of its new request
 * @param templateOverride a template for every replayed product without a prompt, or null
 */
public record ReplayCommand(List<String> ids, Map<String, String> promptOverrides, String templateOverride,
        boolean force) {

    public static ReplayCommand of(List<String> ids, Map<String, String> promptOverrides, String templateOverride) {
        return new ReplayCommand(List.copyOf(ids), Map.copyOf(promptOverrides), templateOverride, false);
    }
}
