package com.catalogimage.localstack.azurite;

import com.catalogimage.localstack.http.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Azurite, Microsoft's Azure Storage emulator, blob service only, as a Node.js child process on loopback. Installed from
 * npm on first use into a cache folder shared by every checkout, so a bare machine needs nothing but Node and npm.
 */
public final class Azurite implements AutoCloseable {

    /** Pinned: the newest Azurite that runs on Node 20. */
    public static final String VERSION = "3.35.0";
    public static final String ACCOUNT = "devstoreaccount1";
    /** Azurite's well-known development key; public, documented by Microsoft, not a secret. */
    public static final String ACCOUNT_KEY =
            "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static final Logger LOG = Logger.getLogger(Azurite.class);

    private final Path location;
    private final int port;
    private final Path logFile;
    private Process process;

    private Azurite(Path location, int port, Path logFile) {
        this.location = location;
        this.port = port;
        this.logFile = logFile;
    }

    /** Blobs kept in memory and gone on close: for tests. */
    public static Azurite startInMemory() {
        return start(null, 0);
    }

    /**
     * Starts Azurite's blob service.
     *
     * @param location folder for blobs and metadata, or {@code null} to keep them in memory
     * @param port     0 for a free port
     */
    public static Azurite start(Path location, int port) {
        Path logFile;
        try {
            logFile = Files.createTempFile("azurite", ".log");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Azurite azurite = new Azurite(location, port == 0 ? Ports.free() : port, logFile);
        // A child process outlives a JVM that forgets it: make sure it does not.
        Runtime.getRuntime().addShutdownHook(new Thread(azurite::stop, "azurite-stop"));
        azurite.startProcess();
        return azurite;
    }

    public int port() {
        return port;
    }

    /** The blob endpoint, account included, as Azure SDK clients expect it. */
    public String blobEndpoint() {
        return "http://127.0.0.1:" + port + "/" + ACCOUNT;
    }

    public String connectionString() {
        return "DefaultEndpointsProtocol=http;AccountName=" + ACCOUNT + ";AccountKey=" + ACCOUNT_KEY
                + ";BlobEndpoint=" + blobEndpoint() + ";";
    }

    /** Starts the process again after {@link #stop()}, on the same port (and folder, if any). */
    public synchronized void startProcess() {
        if (process != null && process.isAlive()) {
            return;
        }
        Path installed = install();
        List<String> command = new ArrayList<>(List.of(
                "node", installed.resolve("node_modules/azurite/dist/src/blob/main.js").toString(),
                "--blobHost", "127.0.0.1", "--blobPort", String.valueOf(port),
                "--silent", "--disableTelemetry", "--loose",
                // azure-storage-blob 12.37 sends a newer service version than Azurite 3.35 knows.
                "--skipApiVersionCheck"));
        if (location == null) {
            command.add("--inMemoryPersistence");
        } else {
            command.addAll(List.of("--location", location.toString()));
        }
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start Azurite: " + e.getMessage(), e);
        }
        try {
            Ports.awaitListening(port, Duration.ofSeconds(30), "Azurite");
        } catch (IllegalStateException e) {
            throw new IllegalStateException(e.getMessage() + "; its output is in " + logFile, e);
        }
        LOG.infof("Azurite %s up at %s (%s)", VERSION, blobEndpoint(), location == null ? "in memory" : location);
    }

    /** Stops the process, keeping any blobs on disk: the fault tests take storage away for a while this way. */
    /** The running Azurite process (node), for a benchmark's CPU and memory figures; empty while stopped. */
    public synchronized Optional<ProcessHandle> processHandle() {
        return process != null && process.isAlive() ? Optional.of(process.toHandle()) : Optional.empty();
    }

    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    @Override
    public void close() {
        stop();
    }

    /** The cache folder: {@code LOCAL_STACK_CACHE}, else {@code ~/.cache/catalog-image-pipeline}. */
    public static Path cacheDir() {
        String configured = System.getenv("LOCAL_STACK_CACHE");
        return configured != null && !configured.isBlank()
                ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".cache", "catalog-image-pipeline");
    }

    /** Installs the pinned Azurite once per machine; a file lock keeps concurrent builds from installing it twice. */
    static Path install() {
        Path dir = cacheDir().resolve("azurite-" + VERSION);
        Path marker = dir.resolve("node_modules/azurite/dist/src/blob/main.js");
        if (Files.exists(marker)) {
            return dir;
        }
        requireNode();
        try {
            Files.createDirectories(dir);
            try (FileChannel channel = FileChannel.open(dir.resolve(".install.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                if (Files.exists(marker)) {
                    return dir;
                }
                LOG.infof("Installing azurite@%s from npm into %s (once per machine)", VERSION, dir);
                Path npmLog = dir.resolve("npm-install.log");
                Process npm = new ProcessBuilder("npm", "install", "--prefix", dir.toString(), "--no-audit", "--no-fund",
                        "--no-save", "--loglevel=error", "azurite@" + VERSION)
                        .redirectErrorStream(true)
                        .redirectOutput(npmLog.toFile())
                        .start();
                if (!npm.waitFor(10, TimeUnit.MINUTES) || npm.exitValue() != 0 || !Files.exists(marker)) {
                    throw new IllegalStateException("npm could not install azurite@" + VERSION + "; see " + npmLog);
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot install Azurite into " + dir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while installing Azurite", e);
        }
    }

    private static void requireNode() {
        for (String tool : List.of("node", "npm")) {
            try {
                Process probe = new ProcessBuilder(tool, "--version").redirectErrorStream(true).start();
                probe.getInputStream().readAllBytes();
                if (probe.waitFor() == 0) {
                    continue;
                }
            } catch (IOException | InterruptedException e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
            }
            throw new IllegalStateException("Azurite needs Node.js 20 or newer with npm on the PATH: install them "
                    + "(for example `apt-get install nodejs npm`, or from nodejs.org) and run again.");
        }
    }
}
