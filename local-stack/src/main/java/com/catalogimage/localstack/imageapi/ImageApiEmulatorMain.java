package com.catalogimage.localstack.imageapi;

import java.net.InetAddress;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the image-API emulator alone, for the compose stack's {@code emulator} profile: {@link ImageApiEmulator} with
 * {@link ImageApiEmulator.Options#defaults()} (key from {@code IMAGE_API_KEY}, default {@code local-dev-key}), listening
 * on {@code IMAGE_API_PORT} (default 8090) on every interface, until the process is stopped.
 *
 * <p>The emulator binds the wildcard address itself, not behind a forwarder, so that it sees each caller's real address:
 * the other containers reach {@code /openai/}, while {@code /admin/} (faults, counters, settings, no key) answers only
 * callers inside this container, such as its health check.
 */
public final class ImageApiEmulatorMain {

    private ImageApiEmulatorMain() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(System.getenv().getOrDefault("IMAGE_API_PORT", "8090"));
        String key = System.getenv().getOrDefault("IMAGE_API_KEY", "local-dev-key");
        ImageApiEmulator emulator = ImageApiEmulator.start(ImageApiEmulator.Options.defaults().withApiKey(key)
                .withPort(port).withBind(InetAddress.getByName("0.0.0.0")));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }, "image-api-emulator-stop"));
        System.out.println("Image-API emulator on port " + port + " (deployments "
                + emulator.options().deployments().stream().map(ImageApiEmulator.Deployment::name).toList() + ")");
        stopped.await();
    }
}
