package io.heavylegs.database;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;

/**
 * Production with an external database and no keys: the app must refuse to start and say which variable to set,
 * before it connects to anything (the database here does not even exist).
 */
@QuarkusMainTest
@TestProfile(ProductionKeysTest.ExternalDatabaseWithoutKeys.class)
class ProductionKeysTest {

    public static class ExternalDatabaseWithoutKeys implements QuarkusTestProfile {
        @Override
        public String getConfigProfile() {
            return "prod";
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:1/no-such-database",
                    "quarkus.datasource.username", "nobody", "quarkus.datasource.password", "nothing");
        }
    }

    @Test
    void productionRefusesToStartWithoutTheKeys(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch();
        String output = result.getOutput() + "\n" + result.getErrorOutput();
        assertNotEquals(0, result.exitCode(), output);
        assertTrue(output.contains("set HEAVYLEGS_SESSION_KEY and HEAVYLEGS_CSRF_KEY"), output);
    }
}
