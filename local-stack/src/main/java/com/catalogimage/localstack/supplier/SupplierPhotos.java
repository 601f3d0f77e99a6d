package com.catalogimage.localstack.supplier;

import com.catalogimage.localstack.http.JsonHttpServer;
import com.sun.net.httpserver.HttpExchange;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * A local stand-in for a supplier's image CDN: deterministic product photos for reference-photo edits and restyles,
 * and the awkward answers an SSRF-safe fetcher must survive. See the package documentation for the routes.
 */
public final class SupplierPhotos implements AutoCloseable {

    static {
        // Rendering runs in test JVMs and on servers without a display.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /**
     * Start-up options.
     *
     * @param port          0 = any free port
     * @param bind          loopback, or the wildcard address in a container
     * @param maxProductId  {@code /photos/{id}} answers for 1 ≤ id ≤ this; any other id is a 404
     * @param largeBytes    the length of {@code /large.png}: larger than any sane photo bound (default 30 MiB)
     * @param slowDelay     how long {@code /slow.png} waits before answering (a {@code ?ms=} query overrides it)
     * @param photoSize     edge of the square photos, in pixels
     * @param threads       request threads; each slow or large answer holds one
     */
    public record Options(int port, InetAddress bind, long maxProductId, long largeBytes, Duration slowDelay,
                          int photoSize, int threads) {
        public Options {
            Objects.requireNonNull(bind, "bind");
            Objects.requireNonNull(slowDelay, "slowDelay");
            if (threads < 1 || photoSize < 16 || largeBytes < 0 || maxProductId < 0) {
                throw new IllegalArgumentException("threads >= 1, photoSize >= 16, largeBytes and maxProductId >= 0");
            }
        }

        /** Any free loopback port, ids 1..100000, /large.png 30 MiB, /slow.png 5 s, 768-pixel photos, 16 threads. */
        public static Options defaults() {
            return new Options(0, InetAddress.getLoopbackAddress(), 100_000, 30L * 1024 * 1024, Duration.ofSeconds(5),
                    768, 16);
        }

        public Options withPort(int newPort) {
            return new Options(newPort, bind, maxProductId, largeBytes, slowDelay, photoSize, threads);
        }

        public Options withBind(InetAddress newBind) {
            return new Options(port, newBind, maxProductId, largeBytes, slowDelay, photoSize, threads);
        }

        public Options withMaxProductId(long max) {
            return new Options(port, bind, max, largeBytes, slowDelay, photoSize, threads);
        }

        public Options withLargeBytes(long bytes) {
            return new Options(port, bind, maxProductId, bytes, slowDelay, photoSize, threads);
        }

        public Options withSlowDelay(Duration delay) {
            return new Options(port, bind, maxProductId, largeBytes, delay, photoSize, threads);
        }

        public Options withPhotoSize(int edge) {
            return new Options(port, bind, maxProductId, largeBytes, slowDelay, edge, threads);
        }
    }

    private static final Pattern PHOTO = Pattern.compile("^/photos/(\\d{1,18})\\.(png|jpg|jpeg)$");
    private static final Pattern STATUS = Pattern.compile("^/status/([1-5]\\d\\d)(?:\\.[a-z]+)?$");
    /** Rendered photos kept; a photo is ~30-60 KB, and a scan of a big catalog should not grow the heap unbounded. */
    private static final int CACHE_LIMIT = 512;
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private final Options options;
    private final JsonHttpServer server;
    private final Map<String, byte[]> rendered = new ConcurrentHashMap<>();
    private final Set<Long> missing = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicLong> requests = new ConcurrentHashMap<>();
    private final CountDownLatch closing = new CountDownLatch(1);

    private SupplierPhotos(Options options) {
        this.options = options;
        server = new JsonHttpServer("supplier-photos", options.bind(), options.port(), options.threads());
        server.route("/", this::handle);
    }

    public static SupplierPhotos start(Options options) {
        SupplierPhotos photos = new SupplierPhotos(Objects.requireNonNull(options, "options"));
        photos.server.start();
        return photos;
    }

    /** {@code http://127.0.0.1:<port>}. */
    public URI baseUri() {
        return server.baseUri();
    }

    public int port() {
        return server.port();
    }

    /** {@code host:port} as a fetcher's allow-list names it ({@code REFERENCE_PHOTO_HOSTS}). */
    public String hostAndPort() {
        return baseUri().getHost() + ":" + port();
    }

    /** The absolute URL of a product's photo: {@code <base>/photos/<id>.<png|jpg>}. */
    public String photoUrl(long productId, String extension) {
        return baseUri() + "/photos/" + productId + "." + extension;
    }

    /** The bytes {@code /photos/<id>.<extension>} serves (what a fetcher should have received). */
    public byte[] photo(long productId, String extension) {
        String format = extension.equals("png") ? "png" : "jpeg";
        return render(productId, format);
    }

    /** From now on {@code /photos/<id>.*} is a 404 (a supplier that removed the photo); {@link #restore} undoes it. */
    public void remove(long productId) {
        missing.add(productId);
    }

    public void restore(long productId) {
        missing.remove(productId);
    }

    /** Requests per path (without query), whatever the answer: e.g. whether a fetcher followed a redirect. */
    public long requests(String path) {
        AtomicLong count = requests.get(path);
        return count == null ? 0 : count.get();
    }

    public Map<String, Long> requestsByPath() {
        Map<String, Long> copy = new TreeMap<>();
        requests.forEach((path, count) -> copy.put(path, count.get()));
        return copy;
    }

    public void resetStats() {
        requests.clear();
    }

    public Options options() {
        return options;
    }

    @Override
    public void close() {
        closing.countDown(); // releases /slow.png before the server waits for its threads
        server.close();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        requests.computeIfAbsent(path, p -> new AtomicLong()).incrementAndGet();
        String method = exchange.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            text(exchange, 405, "Method not allowed");
            return;
        }
        Matcher photo = PHOTO.matcher(path);
        Matcher status = STATUS.matcher(path);
        Map<String, String> query = JsonHttpServer.query(exchange);
        if (photo.matches()) {
            long id = Long.parseLong(photo.group(1));
            if (id < 1 || id > options.maxProductId() || missing.contains(id)) {
                text(exchange, 404, "No photo for product " + id);
                return;
            }
            String format = photo.group(2).equals("png") ? "png" : "jpeg";
            image(exchange, format, render(id, format));
        } else if (path.equals("/redirect")) {
            String to = query.get("to");
            if (to == null || to.isBlank()) {
                text(exchange, 400, "redirect needs ?to=<url>");
                return;
            }
            int code = Integer.parseInt(query.getOrDefault("status", "302"));
            exchange.getResponseHeaders().set("Location", to);
            JsonHttpServer.send(exchange, code, null, null);
        } else if (path.equals("/large.png")) {
            large(exchange, Boolean.parseBoolean(query.getOrDefault("chunked", "false")));
        } else if (path.equals("/slow.png")) {
            long ms = query.containsKey("ms") ? Long.parseLong(query.get("ms")) : options.slowDelay().toMillis();
            try {
                if (closing.await(ms, TimeUnit.MILLISECONDS)) {
                    return; // closing: drop the connection, as a server going away does
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            image(exchange, "png", render(1, "png"));
        } else if (path.equals("/not-an-image.png")) {
            JsonHttpServer.send(exchange, 200, "text/html; charset=utf-8",
                    "<!doctype html><html><body><h1>Welcome to our supplier portal</h1></body></html>"
                            .getBytes(StandardCharsets.UTF_8));
        } else if (status.matches()) {
            int code = Integer.parseInt(status.group(1));
            text(exchange, code, "Status " + code);
        } else {
            text(exchange, 404, "Not found");
        }
    }

    private static void image(HttpExchange exchange, String format, byte[] bytes) throws IOException {
        exchange.getResponseHeaders().set("Cache-Control", "public, max-age=3600");
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.getResponseHeaders().set("Content-Type", "image/" + format);
            exchange.getResponseHeaders().set("Content-Length", Integer.toString(bytes.length));
            exchange.sendResponseHeaders(200, -1);
            return;
        }
        JsonHttpServer.send(exchange, 200, "image/" + format, bytes);
    }

    private static void text(HttpExchange exchange, int status, String message) throws IOException {
        JsonHttpServer.send(exchange, status, "text/plain; charset=utf-8", message.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A PNG signature followed by zeros, {@link Options#largeBytes()} long, streamed from one small buffer (never held
     * whole); with a Content-Length, or chunked without one, so a fetcher must bound what it reads, not trust a header.
     */
    private void large(HttpExchange exchange, boolean chunked) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "image/png");
        long length = options.largeBytes();
        exchange.sendResponseHeaders(200, chunked ? 0 : length);
        if (exchange.getRequestMethod().equals("HEAD")) {
            return;
        }
        byte[] buffer = new byte[64 * 1024];
        System.arraycopy(PNG_SIGNATURE, 0, buffer, 0, PNG_SIGNATURE.length);
        try {
            OutputStream out = exchange.getResponseBody();
            long left = length;
            boolean first = true;
            while (left > 0) {
                int n = (int) Math.min(buffer.length, left);
                out.write(buffer, 0, n);
                left -= n;
                if (first) {
                    java.util.Arrays.fill(buffer, 0, PNG_SIGNATURE.length, (byte) 0);
                    first = false;
                }
            }
        } catch (IOException clientGaveUp) {
            // a fetcher that stops at its bound closes the connection: that is the point of this route
        }
    }

    private byte[] render(long id, String format) {
        String key = id + "." + format;
        byte[] cached = rendered.get(key);
        if (cached != null) {
            return cached;
        }
        byte[] bytes = draw(id, format);
        if (rendered.size() >= CACHE_LIMIT) {
            rendered.clear();
        }
        rendered.put(key, bytes);
        return bytes;
    }

    /**
     * A supplier-style product shot: a studio backdrop with a gradient, the product as a simple shape with a highlight
     * and a floor shadow, slightly off centre and tilted (supplier photos rarely are catalog-clean), and a small
     * watermark naming the product id. Colour, shape and tilt come from the id, so the same URL gives the same bytes.
     */
    private byte[] draw(long id, String format) {
        int size = options.photoSize();
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            long hash = id * 0x9E3779B97F4A7C15L;
            float hue = ((hash >>> 40) & 0xFF) / 255f;
            g.setPaint(new GradientPaint(0, 0, new Color(0xEE, 0xEC, 0xE6), 0, size, new Color(0xB9, 0xB6, 0xAE)));
            g.fillRect(0, 0, size, size);
            double cx = size * (0.44 + ((hash >>> 8) & 0x0F) / 150.0);
            double cy = size * 0.48;
            double s = size * 0.46;
            g.setColor(new Color(0, 0, 0, 60));
            g.fill(new Ellipse2D.Double(cx - s * 0.5, cy + s * 0.42, s, s * 0.16));
            AffineTransform saved = g.getTransform();
            g.rotate(Math.toRadians(((hash >>> 16) & 0x0F) - 7), cx, cy);
            Color body = Color.getHSBColor(hue, 0.55f, 0.65f);
            java.awt.Shape shape = switch ((int) Math.floorMod(hash >>> 24, 3L)) {
                case 0 -> new Ellipse2D.Double(cx - s / 2, cy - s / 2, s, s);
                case 1 -> new RoundRectangle2D.Double(cx - s / 2, cy - s * 0.4, s, s * 0.8, s / 5, s / 5);
                default -> new RoundRectangle2D.Double(cx - s * 0.25, cy - s / 2, s * 0.5, s, s / 3, s / 3);
            };
            g.setPaint(new GradientPaint((float) (cx - s / 2), (float) (cy - s / 2), body.brighter(),
                    (float) (cx + s / 2), (float) (cy + s / 2), body.darker()));
            g.fill(shape);
            g.setColor(body.darker().darker());
            g.setStroke(new BasicStroke(Math.max(2f, size / 300f)));
            g.draw(shape);
            g.setColor(new Color(255, 255, 255, 110));
            g.fill(new Ellipse2D.Double(cx - s * 0.3, cy - s * 0.36, s * 0.18, s * 0.3));
            g.setTransform(saved);
            try {
                g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, Math.max(10, size / 40)));
                g.setColor(new Color(0x55, 0x55, 0x55));
                g.drawString("supplier photo · product " + id, size / 40f, size - size / 40f);
            } catch (RuntimeException | InternalError fontTrouble) {
                // machines without fonts: the photo is still a valid picture
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a supplier photo", e);
        }
        return out.toByteArray();
    }
}
