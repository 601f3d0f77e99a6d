package com.catalogimage.localstack.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed certificate for the embedded broker's SASL_SSL listener, made by the JDK's own {@code keytool} (no
 * extra library): the broker's key store (PKCS12, a random password that lives only in this process) and the
 * certificate alone as a PEM trust store next to it, which clients load with {@code ssl.truststore.type=PEM} and no
 * password, as they would load a Strimzi cluster's {@code ca.crt}. The certificate names {@code 127.0.0.1} and
 * {@code localhost}, so clients keep hostname verification on.
 */
public record BrokerCertificate(Path keyStore, String keyStorePassword, Path trustStore) {

    private static final String ALIAS = "embedded-kafka";
    private static final String PASSWORD_VARIABLE = "EMBEDDED_KAFKA_STORE_PASSWORD";

    /** A new certificate in {@code dir}, replacing any earlier one there. */
    public static BrokerCertificate create(Path dir) {
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        String password = HexFormat.of().formatHex(random);
        try {
            Files.createDirectories(dir);
            Path keyStore = dir.resolve("broker.p12");
            Path trustStore = dir.resolve("ca.crt");
            Files.deleteIfExists(keyStore);
            Files.deleteIfExists(trustStore);
            keytool(password, "-genkeypair", "-alias", ALIAS, "-keyalg", "EC", "-groupname", "secp256r1",
                    "-dname", "CN=localhost", "-ext", "SAN=IP:127.0.0.1,DNS:localhost", "-validity", "365",
                    "-storetype", "PKCS12", "-keystore", keyStore.toString());
            keytool(password, "-exportcert", "-rfc", "-alias", ALIAS, "-storetype", "PKCS12",
                    "-keystore", keyStore.toString(), "-file", trustStore.toString());
            return new BrokerCertificate(keyStore, password, trustStore);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the broker's certificate in " + dir, e);
        }
    }

    /** Leaves the password out of any log line that prints the certificate. */
    @Override
    public String toString() {
        return "BrokerCertificate[keyStore=" + keyStore + ", trustStore=" + trustStore + "]";
    }

    /** The password reaches keytool through its environment ({@code :env}), never its command line, which ps shows. */
    private static void keytool(String password, String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        command.addAll(List.of("-storepass:env", PASSWORD_VARIABLE));
        if (arguments[0].equals("-genkeypair")) {
            command.addAll(List.of("-keypass:env", PASSWORD_VARIABLE));
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put(PASSWORD_VARIABLE, password);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("keytool " + arguments[0] + " failed: " + output.strip());
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running keytool", e);
        }
    }
}
