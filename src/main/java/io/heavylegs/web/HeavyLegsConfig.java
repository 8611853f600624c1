package io.heavylegs.web;

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

    /** Folder of the embedded PostgreSQL and its session key; read early by the database package. */
    @WithDefault(".heavylegs-data")
    String dataDir();

    EmbeddedPostgres embeddedPostgres();

    interface EmbeddedPostgres {
        /** Start an embedded PostgreSQL when no JDBC URL is configured. */
        @WithDefault("true")
        boolean enabled();
    }

    /** The base URL without a trailing slash, so callers can append "/articles/..." directly. */
    default String origin() {
        String url = baseUrl().strip();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
