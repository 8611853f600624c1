package io.heavylegs.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** The app as it runs in production: the prod profile, with the keys an operator provides. */
@QuarkusTest
@TestProfile(ProductionProfileTest.Production.class)
class ProductionProfileTest {

    public static class Production implements QuarkusTestProfile {
        @Override
        public String getConfigProfile() {
            return "prod";
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("HEAVYLEGS_SESSION_KEY", "production-test-session-key-of-enough-length-0123456789",
                    "HEAVYLEGS_CSRF_KEY", "production-test-csrf-key-of-enough-length-0123456789",
                    "heavylegs.data-dir", "target/production-profile-test-data");
        }
    }

    @Test
    void onlyHealthIsExposedUnderQ() {
        given().get("/q/health/ready").then().statusCode(200).body(containsString("UP"));
        given().get("/q/health/live").then().statusCode(200);
        for (String path : List.of("/q/dev-ui", "/q/dev", "/q/dev-ui/extensions", "/q/swagger-ui", "/q/openapi",
                "/q/metrics", "/q/health-ui", "/q/arc", "/q/arc/beans", "/q/info")) {
            given().get(path).then().statusCode(404).body(not(containsString("io.quarkus")));
        }
    }

    @Test
    void httpsIsPinnedWithHsts() {
        assertEquals("max-age=31536000; includeSubDomains",
                given().get("/").header("Strict-Transport-Security"));
    }

    @Test
    void errorsShowNoStackTrace() {
        given().get("/test-only/failure").then().statusCode(500)
                .body(containsString("Something went wrong"))
                .body(not(containsString("IllegalStateException")))
                .body(not(containsString("at io.heavylegs")))
                .body(not(containsString("provoke")));
        given().get("/no/such/page").then().statusCode(404).body(not(containsString("Resource")));
    }

    @Test
    void noForwardingHeaderIsBelievedWithoutATrustedProxy() {
        // The default: even a loopback or private-network peer is just a client (HEAVYLEGS_TRUSTED_PROXIES unset)
        for (String[] header : new String[][] {{"X-Forwarded-Proto", "https"}, {"Forwarded", "proto=https"}}) {
            io.restassured.response.Response page = given().header(header[0], header[1]).get("/register");
            assertFalse(page.getDetailedCookie("heavylegs-csrf").isSecured(), header[0]);
        }
        io.restassured.response.Response redirect = given().redirects().follow(false)
                .header("X-Forwarded-Host", "evil.example").get("/account");
        assertFalse(redirect.header("Location").contains("evil.example"), redirect.header("Location"));
    }

    @Test
    void theKeysComeFromTheEnvironment() {
        assertEquals("production-test-session-key-of-enough-length-0123456789",
                ConfigProvider.getConfig().getValue("quarkus.http.auth.session.encryption-key", String.class));
        assertEquals("production-test-csrf-key-of-enough-length-0123456789",
                ConfigProvider.getConfig().getValue("quarkus.rest-csrf.token-signature-key", String.class));
    }

    @Test
    void thereAreNoBuiltInAccounts() throws IOException {
        assertFalse(ConfigProvider.getConfig()
                .getOptionalValue("quarkus.security.users.embedded.enabled", Boolean.class).orElse(false));
        try (Stream<Path> migrations = Files.list(Path.of("src/main/resources/db/migration"))) {
            for (Path migration : migrations.toList()) {
                String sql = Files.readString(migration, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
                assertFalse(sql.contains("insert into app_user"), migration + " creates an account");
            }
        }
        assertTrue(Files.exists(Path.of("src/main/resources/db/migration/V1__accounts.sql")));
    }
}
