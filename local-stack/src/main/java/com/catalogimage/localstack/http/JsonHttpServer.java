package com.catalogimage.localstack.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The small HTTP server both emulators stand on: the JDK's own server (on loopback unless told otherwise), a bounded
 * thread pool, JSON in and out. The emulators are test infrastructure, so a framework would only add start-up time and
 * classpath weight to every service test that uses them.
 */
public class JsonHttpServer implements AutoCloseable {

    public static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    private static final Logger LOG = Logger.getLogger(JsonHttpServer.class);

    static {
        // The JDK server writes headers and body separately; without TCP_NODELAY, Nagle plus the client's delayed ACK
        // adds ~40 ms to every response on a kept-alive connection. The JDK reads this once, before its first server.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final String name;
    private final InetAddress bind;

    /**
     * On loopback.
     *
     * @param name    shown in logs and thread names
     * @param port    0 for any free port
     * @param threads request threads; emulated latency holds a thread, so size it for the concurrency tests need
     */
    public JsonHttpServer(String name, int port, int threads) {
        this(name, InetAddress.getLoopbackAddress(), port, threads);
    }

    /**
     * @param bind    the address to listen on: loopback for tests, the wildcard address in a container, where the
     *                other services must reach the emulator (its admin routes still answer loopback callers only)
     * @param port    0 for any free port
     * @param threads request threads; emulated latency holds a thread, so size it for the concurrency tests need
     */
    public JsonHttpServer(String name, InetAddress bind, int port, int threads) {
        this.name = name;
        this.bind = bind;
        try {
            server = HttpServer.create(new InetSocketAddress(bind, port), 256);
        } catch (IOException e) {
            throw new UncheckedIOException(name + " cannot bind " + bind.getHostAddress() + ":" + port, e);
        }
        executor = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, name + "-http");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
    }

    /** Routes every request whose path starts with {@code prefix}; an exception becomes a 500 with its message. */
    public void route(String prefix, HttpHandler handler) {
        server.createContext(prefix, exchange -> {
            try (exchange) {
                handler.handle(exchange);
            } catch (RuntimeException | IOException e) {
                LOG.warnf(e, "%s failed on %s %s", name, exchange.getRequestMethod(), exchange.getRequestURI());
                try {
                    sendJson(exchange, 500, Map.of("error", Map.of("code", "InternalServerError", "message",
                            String.valueOf(e.getMessage()), "status", 500)));
                } catch (IOException | RuntimeException alreadySent) {
                    // the response had started; the client sees a broken connection, as with a real crash
                }
            }
        });
    }

    /**
     * Routes like {@link #route}, but only for callers on this host: anyone else gets {@code refusal}'s answer (the
     * emulator's own 403 body). Admin routes inject faults and read counters with no key at all; bound to every
     * interface in a container, they would be open to the whole network.
     */
    public void routeLoopbackOnly(String prefix, HttpHandler handler, HttpHandler refusal) {
        route(prefix, exchange -> {
            if (fromLoopback(exchange.getRemoteAddress())) {
                handler.handle(exchange);
            } else {
                LOG.warnf("%s refused %s %s from %s: admin routes answer loopback callers only", name,
                        exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                        exchange.getRemoteAddress().getAddress().getHostAddress());
                refusal.handle(exchange);
            }
        });
    }

    /**
     * Whether a caller is on this host's loopback (127.0.0.0/8, ::1; an IPv4-mapped IPv6 address arrives as its IPv4
     * form). An unresolved or missing address is not.
     */
    public static boolean fromLoopback(InetSocketAddress remote) {
        return remote != null && remote.getAddress() != null && remote.getAddress().isLoopbackAddress();
    }

    public JsonHttpServer start() {
        server.start();
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:<port>}, or the bound address when that is neither loopback nor the wildcard. */
    public URI baseUri() {
        String host = bind.isAnyLocalAddress() || bind.isLoopbackAddress() ? "127.0.0.1" : bind.getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port());
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // --- helpers for handlers ---

    public static void sendJson(HttpExchange exchange, int status, Object body) throws IOException {
        send(exchange, status, "application/json; charset=utf-8", JSON.writeValueAsBytes(body));
    }

    public static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        if (body == null || body.length == 0) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    public static byte[] readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return in.readAllBytes();
        }
    }

    /** Query parameters, decoded; a repeated name keeps its first value. Keeps {@code $}-prefixed OData names as they are. */
    public static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> params = new LinkedHashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.putIfAbsent(key, value);
        }
        return params;
    }
}
