package io.heavylegs.database;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.quarkus.runtime.ExecutionMode;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.PropertiesConfigSource;

/**
 * Points the datasource at an embedded, real PostgreSQL when no external one is configured, so that a machine
 * with only a JDK runs and tests HeavyLegs on the same database engine as production.
 *
 * <p>It acts only while the application itself starts ({@link ExecutionMode#RUNTIME_INIT}): during the build it
 * must do nothing, or the build would start PostgreSQL and bake its temporary URL into the packaged app.
 */
public class EmbeddedPostgresConfigSourceFactory implements ConfigSourceFactory {

    static final String JDBC_URL = "quarkus.datasource.jdbc.url";
    static final String DATA_DIR = "heavylegs.data-dir";
    static final String DEFAULT_DATA_DIR = ".heavylegs-data";
    static final String SESSION_KEY = "quarkus.http.auth.session.encryption-key";
    static final String CSRF_KEY = "quarkus.rest-csrf.token-signature-key";
    static final String ENABLED = "heavylegs.embedded-postgres.enabled";
    static final String MAILER_HOST = "quarkus.mailer.host";
    static final String MAILER_MOCK = "quarkus.mailer.mock";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (ExecutionMode.current() != ExecutionMode.RUNTIME_INIT) {
            return List.of();
        }
        if (externalDatabaseConfigured(context) || !enabled(context)) {
            if (context.getProfiles().contains("prod")) {
                requireKeys(context);
            }
            return List.of();
        }
        Map<String, String> values = new HashMap<>();
        if (context.getProfiles().contains("test")) {
            values.put(JDBC_URL, EmbeddedPostgresServer.start(null).jdbcUrl());
        } else {
            String configured = context.getValue(DATA_DIR).getValue();
            Path dataDir = Path.of(configured == null ? DEFAULT_DATA_DIR : configured).toAbsolutePath();
            values.put(JDBC_URL, EmbeddedPostgresServer.start(dataDir.resolve("postgres")).jdbcUrl());
            // Kept beside the data so that a restart does not sign everybody out, nor spoil open forms.
            generateUnlessProvided(context, values, SESSION_KEY, "HEAVYLEGS_SESSION_KEY",
                    dataDir.resolve("session-key"));
            generateUnlessProvided(context, values, CSRF_KEY, "HEAVYLEGS_CSRF_KEY", dataDir.resolve("csrf-key"));
            // A local machine without a mail server: mails (a password reset link) are written to the console
            // instead, by quarkus-mailer's mock mode, so the person running the app can still follow them.
            if (!mailServerConfigured(context)) {
                values.put(MAILER_MOCK, "true");
            }
        }
        values.put("quarkus.datasource.username", EmbeddedPostgresServer.USER);
        values.put("quarkus.datasource.password", "");
        // Above application.properties (250), below the environment (300): an explicit variable always wins.
        return List.of(new PropertiesConfigSource(values, "heavylegs-embedded-postgres", 275));
    }

    /**
     * A key the operator gave in the environment must win: this source ranks above application.properties,
     * which is where the production profile reads the variable.
     */
    private static void generateUnlessProvided(ConfigSourceContext context, Map<String, String> values,
            String property, String variable, Path file) {
        String provided = context.getValue(variable).getValue();
        if (provided == null || provided.isBlank()) {
            values.put(property, LocalSecret.readOrCreate(file));
        }
    }

    /**
     * With an external database nothing generates the keys, and Quarkus would quietly make up a session key per
     * process (a restart, or a second instance, logs everyone out) and leave CSRF tokens unsigned. Production
     * refuses to start instead, naming the variable to set; this runs before anything connects to anything.
     */
    static void requireKeys(ConfigSourceContext context) {
        List<String> missing = new java.util.ArrayList<>();
        if (blank(context, "HEAVYLEGS_SESSION_KEY") && blank(context, SESSION_KEY)) {
            missing.add("HEAVYLEGS_SESSION_KEY");
        }
        if (blank(context, "HEAVYLEGS_CSRF_KEY") && blank(context, CSRF_KEY)) {
            missing.add("HEAVYLEGS_CSRF_KEY");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("HeavyLegs will not start: set " + String.join(" and ", missing)
                    + " (with an external database the keys must come from the environment, the same on every "
                    + "instance; make each with: openssl rand -base64 48)");
        }
    }

    /** Unset, empty, or still the unexpanded ${...} of application.properties. */
    private static boolean blank(ConfigSourceContext context, String name) {
        String value;
        try {
            value = context.getValue(name).getValue();
        } catch (RuntimeException unexpandable) {
            return true;
        }
        return value == null || value.isBlank() || value.contains("${");
    }

    private static boolean externalDatabaseConfigured(ConfigSourceContext context) {
        String url = context.getValue(JDBC_URL).getValue();
        return url != null && !url.isBlank();
    }

    /** quarkus-mailer's host has a built-in default ("localhost"): only a value from a real source counts. */
    private static boolean mailServerConfigured(ConfigSourceContext context) {
        ConfigValue host = context.getValue(MAILER_HOST);
        return host.getValue() != null && !host.getValue().isBlank() && host.getSourceOrdinal() > Integer.MIN_VALUE
                && (host.getSourceName() == null || !host.getSourceName().contains("Default"));
    }

    private static boolean enabled(ConfigSourceContext context) {
        String value = context.getValue(ENABLED).getValue();
        return value == null || Boolean.parseBoolean(value);
    }
}
