package io.heavylegs.web;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.vertx.core.http.HttpServerRequest;

/** Reads the flash cookie into {@link Flash} before a request, and writes or clears it after. */
public class FlashFilters {

    private static final int MAX_LENGTH = 200;

    @Inject
    Flash flash;

    @ServerRequestFilter
    public void read(ContainerRequestContext request) {
        jakarta.ws.rs.core.Cookie cookie = request.getCookies().get(Flash.COOKIE);
        if (cookie != null && !cookie.getValue().isEmpty()) {
            String message = decoded(cookie.getValue());
            if (message != null) {
                flash.receive(message.length() > MAX_LENGTH ? message.substring(0, MAX_LENGTH) : message);
            }
        }
    }

    /**
     * The message, or null for a cookie this app did not write (broken escapes, control characters): a flash
     * message is a courtesy, and a damaged one is simply not shown.
     */
    static String decoded(String value) {
        try {
            String message = URLDecoder.decode(value, StandardCharsets.UTF_8);
            return TextInput.hasForbiddenCharacter(message, false) || message.indexOf('\uFFFD') >= 0 ? null : message;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * A new message is written on the redirect; a shown one is cleared once a page has been rendered (a
     * redirect in between keeps it for the page after).
     */
    @ServerResponseFilter
    public void write(ContainerResponseContext response, HttpServerRequest request) {
        if (flash.outgoing() != null) {
            response.getHeaders().add(HttpHeaders.SET_COOKIE,
                    cookie(URLEncoder.encode(flash.outgoing(), StandardCharsets.UTF_8), 60, request.isSSL()));
        } else if (flash.incoming() != null && response.getStatus() < 300) {
            response.getHeaders().add(HttpHeaders.SET_COOKIE, cookie("", 0, request.isSSL()));
        }
    }

    /** Secure whenever the browser reached us over TLS, directly or through a trusted proxy. */
    private static NewCookie cookie(String value, int maxAge, boolean secure) {
        return new NewCookie.Builder(Flash.COOKIE).value(value).path("/").maxAge(maxAge).httpOnly(true)
                .secure(secure).sameSite(NewCookie.SameSite.STRICT).build();
    }
}
