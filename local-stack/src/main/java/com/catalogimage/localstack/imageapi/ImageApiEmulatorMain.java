package com.catalogimage.localstack.imageapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * Runs the image-API emulator alone, for the compose stack's {@code emulator} profile: {@link ImageApiEmulator} with
 * {@link ImageApiEmulator.Options#defaults()} (key from {@code IMAGE_API_KEY}, default {@code local-dev-key}), reachable
 * on {@code IMAGE_API_PORT} (default 8090) on every interface, until the process is stopped.
 *
 * <p>The emulator's HTTP server binds loopback only, which suits tests; in a container the other services must reach it,
 * so this main starts it on a loopback port and forwards {@code 0.0.0.0:IMAGE_API_PORT} to it byte for byte.
 */
public final class ImageApiEmulatorMain {

    private ImageApiEmulatorMain() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(System.getenv().getOrDefault("IMAGE_API_PORT", "8090"));
        String key = System.getenv().getOrDefault("IMAGE_API_KEY", "local-dev-key");
        ImageApiEmulator emulator = ImageApiEmulator.start(ImageApiEmulator.Options.defaults().withApiKey(key));
        Runtime.getRuntime().addShutdownHook(new Thread(emulator::close, "image-api-emulator-stop"));
        System.out.println("Image-API emulator on port " + port + " (deployments "
                + emulator.options().deployments().stream().map(ImageApiEmulator.Deployment::name).toList() + ")");
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), port), 256);
            while (true) {
                Socket client = server.accept();
                daemon(() -> forward(client, emulator.port()));
            }
        }
    }

    private static void forward(Socket client, int targetPort) {
        try (client; Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort)) {
            Thread upstream = daemon(() -> pump(client, target));
            pump(target, client);
            upstream.join();
        } catch (IOException | InterruptedException e) {
            // the peer went away: nothing to do for a local emulator
        }
    }

    private static Thread daemon(Runnable work) {
        Thread thread = new Thread(work, "image-api-forward");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void pump(Socket from, Socket to) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            in.transferTo(out);
            to.shutdownOutput();
        } catch (IOException e) {
            // connection closed
        }
    }
}
