package io.heavylegs.support;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** An external database and no mail server, as in production without QUARKUS_MAILER_HOST: mock mode off. */
public class NoMailProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.mailer.mock", "false");
    }
}
