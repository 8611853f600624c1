package io.heavylegs.web;


import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;


/**
 * A message for the next page the user sees ("Entry saved"), carried across the redirect of a successful POST
 * in a short-lived cookie and shown once by the layout.
 */
@Named("flash")
@RequestScoped
public class Flash {

    public static final String COOKIE = "heavylegs-flash";

    /**
     * The flash cookie for {@code message}, for a response written outside the REST layer (a Vert.x handler), as
     * {@link FlashFilters} writes it for the resources.
     */
    public static io.vertx.core.http.Cookie cookie(String message, boolean secure) {
        return io.vertx.core.http.Cookie.cookie(COOKIE,
                java.net.URLEncoder.encode(message, java.nio.charset.StandardCharsets.UTF_8)).setPath("/")
                .setMaxAge(60).setHttpOnly(true).setSecure(secure)
                .setSameSite(io.vertx.core.http.CookieSameSite.STRICT);
    }

    private String incoming;
    private String outgoing;

    public void set(String message) {
        outgoing = message;
    }

    /** The message to show on this page, if the previous request left one. */
    public String getMessage() {
        return incoming;
    }

    String incoming() {
        return incoming;
    }

    String outgoing() {
        return outgoing;
    }

    void receive(String message) {
        incoming = message;
    }
}
