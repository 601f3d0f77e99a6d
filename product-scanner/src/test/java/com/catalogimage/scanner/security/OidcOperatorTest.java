package com.catalogimage.scanner.security;

import static io.restassured.RestAssured.given;

import com.catalogimage.localstack.testing.DabEmulatorTestResource;
import com.catalogimage.localstack.testing.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.jwt.build.Jwt;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * OIDC switched on, beside the API key. The token is verified with a configured public key
 * ({@code quarkus.oidc.public-key}), so no identity provider has to run; in production the keys come from
 * {@code OIDC_AUTH_SERVER_URL}'s discovery document instead, the rest is the same.
 */
@QuarkusTest
@TestProfile(OidcOperatorTest.OidcEnabled.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(DabEmulatorTestResource.class)
class OidcOperatorTest {

    public static class OidcEnabled implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.oidc.tenant-enabled", "true",
                    "quarkus.oidc.public-key", TestKeys.publicKey(),
                    "scan.oidc.operator-roles", "catalog-operators,some-other-group");
        }
    }

    @Test
    void aTokenWithTheOperatorsGroupMayListAndReplay() {
        String token = token(TestKeys.privateKey(), "catalog-operators");
        given().auth().oauth2(token).get("/dead-letters?limit=1").then().statusCode(200);
        given().auth().oauth2(token).contentType("application/json").body(Map.of("ids", java.util.List.of("0-999999999")))
                .post("/dead-letters/replay").then().statusCode(200);
    }

    @Test
    void aValidTokenWithoutTheGroupIsForbiddenAndAForgedOneUnauthorized() throws Exception {
        given().auth().oauth2(token(TestKeys.privateKey(), "viewers")).get("/dead-letters").then().statusCode(403);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        given().auth().oauth2(token(generator.generateKeyPair().getPrivate(), "catalog-operators")).get("/dead-letters")
                .then().statusCode(401);
        given().get("/dead-letters").then().statusCode(401);
    }

    @Test
    void theApiKeyKeepsWorkingBesideOidc() {
        given().header("X-API-Key", "test-operator-key").get("/dead-letters?limit=1").then().statusCode(200);
        given().header("X-API-Key", "wrong").get("/dead-letters").then().statusCode(401);
    }

    private static String token(PrivateKey key, String group) {
        return Jwt.issuer("https://login.example.test").subject("alice").groups(Set.of(group)).expiresIn(300).sign(key);
    }

    /**
     * One key pair per test JVM, kept in system properties: the profile's configuration and the test may be loaded by
     * different class loaders, which would otherwise each generate their own pair.
     */
    static final class TestKeys {
        private static final String PUBLIC = "product-scanner.test.oidc.public-key";
        private static final String PRIVATE = "product-scanner.test.oidc.private-key";

        static synchronized String publicKey() {
            ensure();
            return System.getProperty(PUBLIC);
        }

        static PrivateKey privateKey() {
            ensure();
            try {
                return KeyFactory.getInstance("RSA").generatePrivate(
                        new PKCS8EncodedKeySpec(Base64.getDecoder().decode(System.getProperty(PRIVATE))));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        private static void ensure() {
            synchronized (System.getProperties()) {
                if (System.getProperty(PUBLIC) == null) {
                    try {
                        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                        generator.initialize(2048);
                        KeyPair pair = generator.generateKeyPair();
                        System.setProperty(PRIVATE, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
                        System.setProperty(PUBLIC, Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
    }
}
