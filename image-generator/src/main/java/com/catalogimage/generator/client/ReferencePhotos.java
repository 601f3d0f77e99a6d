package com.catalogimage.generator.client;

import com.catalogimage.generator.config.GeneratorConfig;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fetches a product's reference photo (or a restyle's current image) for {@code /images/edits}, guarded against SSRF
 * (docs/decisions/0030): the URL is the catalog's, i.e. anyone's who can write a product row, and the generator runs
 * next to cloud metadata endpoints and private services.
 *
 * <ul>
 *   <li>{@code http} and {@code https} only ({@code file:}, {@code ftp:}, {@code jar:} ... refused), no user info;</li>
 *   <li>the URL's host[:port] must be one of {@code REFERENCE_PHOTO_HOSTS};</li>
 *   <li>every address the host resolves to is checked: never link-local (169.254/16, fe80::/10: cloud metadata),
 *       and no loopback, site-local, unique-local, any-local or multicast unless {@code REFERENCE_PHOTO_PRIVATE_ADDRESSES};</li>
 *   <li>the connection goes to the address that was checked ({@link RequestOptions#setServer}), with the host name
 *       only in the {@code Host} header and TLS's SNI and certificate check: a DNS answer that changes between the
 *       check and the connect (rebinding) cannot move the request elsewhere;</li>
 *   <li>redirects are followed by hand, at most {@code max-redirects}, each checked again like the first URL;</li>
 *   <li>the body is streamed and the fetch stopped beyond {@code max-bytes}; the whole fetch is bounded in time;</li>
 *   <li>the bytes must be PNG or JPEG by their signature, whatever the {@code Content-Type} says.</li>
 * </ul>
 *
 * <p>Vert.x's core HTTP client, not a MicroProfile REST client (made for one known service, not arbitrary URLs) nor the
 * JDK's {@code HttpClient} (which resolves the host itself and cannot be told which checked address to connect to).
 * Blocking: called from the generator's worker threads, never from the event loop.
 */
public final class ReferencePhotos {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};

    /** A photo that passed every check. */
    public record Photo(byte[] bytes, String contentType, String url) {
        /** The multipart file name: the API reads the type from it as much as from the content type. */
        public String filename() {
            return "image/png".equals(contentType) ? "reference.png" : "reference.jpg";
        }
    }

    /** The photo may not be fetched or used: a permanent refusal (INVALID_REQUEST), never retried. */
    public static final class Refused extends RuntimeException {
        public Refused(String why) {
            super("reference photo refused: " + why);
        }
    }

    /** The photo could not be fetched now (timeout, 5xx, connection reset): a transient failure, retried. */
    public static final class Unavailable extends RuntimeException {
        public Unavailable(String why, Throwable cause) {
            super("reference photo unavailable: " + why, cause);
        }
    }

    /** What the fetch allows. */
    public record Rules(List<String> hosts, boolean privateAddresses, int maxBytes, Duration timeout, int maxRedirects) {
        public Rules {
            hosts = hosts == null ? List.of() : hosts.stream().map(String::strip).filter(h -> !h.isEmpty())
                    .map(h -> h.toLowerCase(Locale.ROOT)).toList();
        }

        public static Rules of(GeneratorConfig.ReferencePhoto config) {
            return new Rules(config.hosts().orElse(List.of()), config.privateAddresses(), config.maxBytes(),
                    config.timeout(), config.maxRedirects());
        }

        /** Whether reference photos are on at all. */
        public boolean enabled() {
            return !hosts.isEmpty();
        }
    }

    /** Name resolution, replaceable in tests (a name that resolves to a metadata address). */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final Rules rules;
    private final Resolver resolver;
    private final HttpClient http;

    public ReferencePhotos(Vertx vertx, Rules rules) {
        this(vertx, rules, InetAddress::getAllByName);
    }

    public ReferencePhotos(Vertx vertx, Rules rules, Resolver resolver) {
        this.rules = rules;
        this.resolver = resolver;
        this.http = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, rules.timeout().toMillis()))
                // a pooled connection would outlive the check of the address it was opened to
                .setKeepAlive(false)
                .setVerifyHost(true));
    }

    public Rules rules() {
        return rules;
    }

    /** The photo at {@code url}, or {@link Refused} / {@link Unavailable} saying why not. */
    public Photo fetch(String url) {
        if (!rules.enabled()) {
            throw new Refused("no REFERENCE_PHOTO_HOSTS configured");
        }
        long deadline = System.nanoTime() + rules.timeout().toNanos();
        URI current = parse(url);
        for (int redirects = 0; ; redirects++) {
            Target target = check(current);
            Answer answer = get(target, deadline);
            if (answer.location() != null) {
                if (redirects >= rules.maxRedirects()) {
                    throw new Refused("more than " + rules.maxRedirects() + " redirects");
                }
                try {
                    current = parse(current.resolve(answer.location()).toString());
                } catch (IllegalArgumentException e) {
                    throw new Refused("unreadable redirect location");
                }
                continue;
            }
            String type = contentType(answer.body()).orElseThrow(() -> new Refused("not a PNG or JPEG image"));
            return new Photo(answer.body(), type, current.toString());
        }
    }

    /** Where one request goes: the URL, and the checked address to connect to. */
    record Target(URI uri, String host, int port, boolean https, InetAddress address) {
    }

    /** One answer: a redirect's location, or the body of a 2xx. */
    private record Answer(String location, byte[] body) {
    }

    static URI parse(String url) {
        if (url == null || url.isBlank()) {
            throw new Refused("no URL");
        }
        try {
            return new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new Refused("not a URL");
        }
    }

    /** The scheme, the host list and the addresses; the address connected to is the first one resolved. */
    Target check(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new Refused("only http and https URLs are fetched, not '" + scheme + ":'");
        }
        if (uri.getRawUserInfo() != null) {
            throw new Refused("URLs with user info are not fetched");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new Refused("the URL has no host");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        boolean https = scheme.equals("https");
        int port = uri.getPort() == -1 ? (https ? 443 : 80) : uri.getPort();
        if (!allowedHost(rules.hosts(), host, port)) {
            throw new Refused("host " + host + ":" + port + " is not in REFERENCE_PHOTO_HOSTS");
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(bare);
        } catch (UnknownHostException e) {
            throw new Unavailable("host " + host + " does not resolve", e);
        }
        if (addresses == null || addresses.length == 0) {
            throw new Unavailable("host " + host + " does not resolve", null);
        }
        for (InetAddress address : addresses) {
            addressRefusal(address, rules.privateAddresses()).ifPresent(why -> {
                throw new Refused(host + " resolves to " + why);
            });
        }
        return new Target(uri, host, port, https, addresses[0]);
    }

    /** Whether {@code host:port} is allowed: an entry {@code host} allows any port, {@code host:port} that port. */
    static boolean allowedHost(List<String> allowed, String host, int port) {
        for (String entry : allowed) {
            String entryHost = entry;
            String entryPort = null;
            int close = entry.indexOf(']');
            if (entry.startsWith("[") && close > 0) { // [v6] or [v6]:port
                entryHost = entry.substring(0, close + 1);
                entryPort = entry.length() > close + 2 && entry.charAt(close + 1) == ':' ? entry.substring(close + 2) : null;
            } else if (entry.indexOf(':') > 0 && entry.indexOf(':') == entry.lastIndexOf(':')) { // name:port
                entryHost = entry.substring(0, entry.indexOf(':'));
                entryPort = entry.substring(entry.indexOf(':') + 1);
            }
            if (entryHost.equals(host) && (entryPort == null || entryPort.equals(String.valueOf(port)))) {
                return true;
            }
        }
        return false;
    }

    /** Why an address may not be fetched from, if it may not. */
    static Optional<String> addressRefusal(InetAddress address, boolean privateAllowed) {
        String ip = address.getHostAddress();
        if (address.isLinkLocalAddress()) {
            return Optional.of("the link-local address " + ip + " (cloud metadata)");
        }
        if (privateAllowed) {
            return Optional.empty();
        }
        if (address.isLoopbackAddress()) {
            return Optional.of("the loopback address " + ip);
        }
        if (address.isAnyLocalAddress() || address.getAddress()[0] == 0 && !(address instanceof Inet6Address)) {
            return Optional.of("the any-local address " + ip);
        }
        if (address.isSiteLocalAddress()) {
            return Optional.of("the private address " + ip);
        }
        if (address instanceof Inet6Address && (address.getAddress()[0] & 0xFE) == 0xFC) {
            return Optional.of("the unique-local address " + ip);
        }
        if (address.isMulticastAddress()) {
            return Optional.of("the multicast address " + ip);
        }
        return Optional.empty();
    }

    /** {@code image/png} or {@code image/jpeg} by the bytes' signature. */
    static Optional<String> contentType(byte[] bytes) {
        if (startsWith(bytes, PNG)) {
            return Optional.of("image/png");
        }
        if (startsWith(bytes, JPEG)) {
            return Optional.of("image/jpeg");
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] bytes, byte[] signature) {
        return bytes.length >= signature.length && Arrays.equals(bytes, 0, signature.length, signature, 0,
                signature.length);
    }

    private Answer get(Target target, long deadline) {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) {
            throw new Unavailable("timed out after " + rules.timeout().toMillis() + " ms", null);
        }
        String path = target.uri().getRawPath() == null || target.uri().getRawPath().isEmpty() ? "/"
                : target.uri().getRawPath();
        if (target.uri().getRawQuery() != null) {
            path += "?" + target.uri().getRawQuery();
        }
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setServer(SocketAddress.inetSocketAddress(target.port(), target.address().getHostAddress()))
                .setHost(target.host().startsWith("[") ? target.host().substring(1, target.host().length() - 1)
                        : target.host())
                .setPort(target.port())
                .setSsl(target.https())
                .setURI(path)
                .setFollowRedirects(false)
                .setIdleTimeout(left)
                .putHeader("Accept", "image/png, image/jpeg");
        Promise<Answer> answer = Promise.promise();
        http.request(options).compose(request -> request.send()).onComplete(sent -> {
            if (sent.failed()) {
                answer.tryFail(sent.cause());
                return;
            }
            HttpClientResponse response = sent.result();
            // a reset below ends the stream with an exception: after the answer is decided, which it cannot change
            response.exceptionHandler(answer::tryFail);
            int status = response.statusCode();
            if (status >= 300 && status < 400) {
                String location = response.getHeader("Location");
                if (location == null || location.isBlank()) {
                    answer.tryFail(new Refused("answered " + status + " without a location"));
                } else {
                    answer.tryComplete(new Answer(location, null));
                }
                response.request().reset();
                return;
            }
            if (status >= 500 || status == 408 || status == 429) {
                answer.tryFail(new Unavailable(target.host() + " answered " + status, null));
                response.request().reset();
                return;
            }
            if (status < 200 || status >= 300) {
                answer.tryFail(new Refused(target.host() + " answered " + status));
                response.request().reset();
                return;
            }
            String length = response.getHeader("Content-Length");
            if (length != null && length.chars().allMatch(Character::isDigit) && length.length() < 19
                    && Long.parseLong(length) > rules.maxBytes()) {
                answer.tryFail(new Refused("larger than " + rules.maxBytes() + " bytes"));
                response.request().reset();
                return;
            }
            Buffer body = Buffer.buffer();
            response.handler(chunk -> {
                if (body.length() + chunk.length() > rules.maxBytes()) {
                    answer.tryFail(new Refused("larger than " + rules.maxBytes() + " bytes"));
                    response.request().reset();
                } else {
                    body.appendBuffer(chunk);
                }
            });
            response.endHandler(end -> answer.tryComplete(new Answer(null, body.getBytes())));
        });
        return await(answer.future(), deadline);
    }

    private Answer await(Future<Answer> future, long deadline) {
        try {
            return future.toCompletionStage().toCompletableFuture()
                    .get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new Unavailable("timed out after " + rules.timeout().toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Refused refused) {
                throw refused;
            }
            if (cause instanceof Unavailable unavailable) {
                throw unavailable;
            }
            // connection refused or reset, TLS failures, idle timeouts: the photo's host may be back later
            throw new Unavailable(String.valueOf(cause), cause);
        }
    }

    public void close() {
        http.close();
    }
}
