package io.heavylegs.web;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The app's own settings: every {@code heavylegs.*} property is declared here, because the config mapping
 * refuses unknown keys under its prefix (which also catches typos). Add new settings as methods.
 */
@ConfigMapping(prefix = "heavylegs")
public interface HeavyLegsConfig {

    /**
     * The public address of the site. Canonical links, Open Graph tags and the sitemap must be absolute, and
     * behind a proxy the request's own host is not always the public one.
     */
    @WithDefault("http://localhost:8080")
    String baseUrl();

    /**
     * Folder of the embedded PostgreSQL and its generated keys. Read before this mapping exists, by the database
     * package's config source; declared here because the mapping refuses undeclared {@code heavylegs.*} keys.
     */
    @WithDefault(".heavylegs-data")
    String dataDir();

    /**
     * Stop when the process that started the app ends: set by {@code ./mvnw quarkus:run} (pom.xml), whose Maven
     * process does not pass its own stop signal on to the app.
     */
    @WithDefault("false")
    boolean exitWithParent();

    EmbeddedPostgres embeddedPostgres();

    interface EmbeddedPostgres {
        /** Start an embedded PostgreSQL when no JDBC URL is configured. */
        @WithDefault("true")
        boolean enabled();
    }

    /**
     * The proxies (addresses or CIDR blocks) whose forwarding headers are believed; "none" or unset: none, the
     * safe setting for an app that clients reach directly (see {@link ClientAddress}).
     */
    Optional<java.util.List<String>> trustedProxies();

    /** The Strict-Transport-Security header: set in production only, where the site is served over HTTPS. */
    Optional<String> strictTransportSecurity();

    /** How long a session may last and how many failed logins are tolerated (see SECURITY.md). */
    SignIn signIn();

    interface SignIn {
        /** A session ends this long after the sign-in, however active it stays (the idle timeout is separate). */
        @WithDefault("PT12H")
        Duration sessionLifetime();

        /** A session unused this long ends (quarkus.http.auth.form.timeout must be at least the longest idle). */
        @WithDefault("PT30M")
        Duration idleTimeout();

        /** "Keep me signed in on this device" (remember=on): the lifetime instead of sessionLifetime. */
        @WithDefault("P30D")
        Duration rememberedLifetime();

        /** "Keep me signed in on this device": the idle timeout instead of idleTimeout. */
        @WithDefault("P7D")
        Duration rememberedIdleTimeout();

        Throttle throttle();

        interface Throttle {
            /** Failed logins are counted over this sliding window; an older failure no longer counts. */
            @WithDefault("PT15M")
            Duration window();

            @WithDefault("5")
            int maxFailuresPerAccount();

            @WithDefault("20")
            int maxFailuresPerAddress();
        }
    }

    /** The doctor report (see report/PdfPermits). */
    Reports report();

    interface Reports {
        /**
         * How many PDFs render at once, whatever the number of requests. A 365-entry PDF holds about 30 MB of
         * heap while it renders (40 MB with notes in other scripts), and the app itself about 50 MB: on the
         * documented 96 MB heap only one fits. Raise it with the heap (2 from about 160 MB) and the cores.
         */
        @WithDefault("1")
        int maxConcurrentPdfs();

        /** How long a PDF request waits for its turn before it is answered 503 with Retry-After. */
        @WithDefault("PT3S")
        Duration pdfWait();
    }

    /** The daily reminder e-mails (see reminder/ReminderJob). */
    Reminders reminders();

    interface Reminders {
        /**
         * How often the job looks for users whose reminder time has passed ("5m"); a reminder arrives at most this
         * long after its time. "off" stops the job (the tests call it themselves, with a clock they move).
         */
        @WithDefault("5m")
        String every();
    }

    /** The base URL without a trailing slash, so callers can append "/articles/..." directly. */
    default String origin() {
        String url = baseUrl().strip();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
