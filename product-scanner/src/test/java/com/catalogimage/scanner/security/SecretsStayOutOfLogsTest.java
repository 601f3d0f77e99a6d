package com.catalogimage.scanner.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.catalogimage.localstack.testing.DabEmulatorTestResource;
import com.catalogimage.localstack.testing.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs the calls that carry credentials with every log category that sees them at DEBUG, and checks that no key or
 * token reached a log record (message, parameters or stack trace).
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(DabEmulatorTestResource.class)
class SecretsStayOutOfLogsTest {

    static final String KEY = "test-operator-key";
    static final String WRONG_KEY = "wrong-key-7f3a9c1e5b";
    static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzZWNyZXQtdG9rZW4ifQ.c2lnbmF0dXJlLTQyNDI0Mg";
    static final List<String> VERBOSE = List.of("io.quarkus.security", "io.quarkus.oidc", "io.quarkus.vertx.http",
            "io.quarkus.resteasy.reactive", "org.jboss.resteasy.reactive", "com.catalogimage");

    private final Capture capture = new Capture();
    private final Map<String, Level> levels = new HashMap<>();

    @BeforeEach
    void captureEverything() {
        for (String category : VERBOSE) {
            Logger logger = Logger.getLogger(category);
            levels.put(category, logger.getLevel());
            logger.setLevel(Level.FINE);
        }
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void restore() {
        Logger.getLogger("").removeHandler(capture);
        levels.forEach((category, level) -> Logger.getLogger(category).setLevel(level));
    }

    @Test
    void noKeyOrTokenIsLoggedWhileScanningReplayingAndRefusingCallers() {
        given().header("X-API-Key", KEY).post("/scans").then().statusCode(200);
        given().header("X-API-Key", KEY).contentType(ContentType.JSON).body(Map.of("ids", List.of("0-999999999")))
                .post("/dead-letters/replay").then().statusCode(200);
        given().header("X-API-Key", WRONG_KEY).post("/scans").then().statusCode(401);
        given().header("Authorization", "Bearer " + TOKEN).get("/dead-letters").then().statusCode(401);
        given().header("X-API-Key", WRONG_KEY).header("Authorization", "Bearer " + TOKEN).contentType(ContentType.JSON)
                .body(Map.of("ids", List.of("0-1"))).post("/dead-letters/replay").then().statusCode(401);

        String logged = capture.text();
        // The capture works: the scan's summary line is there.
        assertThat(logged).contains("Scan (api)");
        assertThat(logged).doesNotContain(KEY).doesNotContain(WRONG_KEY).doesNotContain(TOKEN)
                .doesNotContain("c2lnbmF0dXJlLTQyNDI0Mg");
    }

    /** Keeps every server-side record's formatted message, parameters and stack trace. */
    static final class Capture extends Handler {
        private final List<String> lines = new ArrayList<>();

        @Override
        public synchronized void publish(LogRecord record) {
            if (record.getLoggerName() != null && record.getLoggerName().startsWith("org.apache.http")) {
                return; // the test's own HTTP client (RestAssured), which sends the key by design
            }
            StringBuilder line = new StringBuilder(record.getLoggerName()).append(' ');
            line.append(record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage());
            if (record.getParameters() != null) {
                for (Object parameter : record.getParameters()) {
                    line.append(" | ").append(parameter);
                }
            }
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                line.append('\n').append(trace);
            }
            lines.add(line.toString());
        }

        synchronized String text() {
            return String.join("\n", lines);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
