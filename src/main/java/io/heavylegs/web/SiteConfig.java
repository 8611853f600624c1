package io.heavylegs.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The app's own settings under {@code heavylegs.*}. */
@ConfigMapping(prefix = "heavylegs")
public interface SiteConfig {

    /**
     * The public address of the site, without a trailing slash. Canonical links, Open Graph tags and the
     * sitemap must be absolute, and behind a proxy the request's own host is not always the public one.
     */
    @WithDefault("http://localhost:8080")
    String baseUrl();

    /** The base URL without a trailing slash, so callers can append "/articles/..." directly. */
    default String origin() {
        String url = baseUrl().strip();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
