package io.heavylegs.web;

import java.util.Base64;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

import io.vertx.ext.web.RoutingContext;

/**
 * Runs before rest-csrf's own check of a state-changing request and refuses, with a page, what that check would
 * not survive: with signed tokens rest-csrf decodes the posted token and the cookie as Base64, and a value that is
 * not Base64 makes it throw instead of refusing. Whatever passes here, rest-csrf then verifies as usual.
 */
public class CsrfGuard {

    /**
     * Lower priorities run first, but RESTEasy Reactive 3.33 moves the filters that read the form behind the
     * form reader in reverse order (RuntimeResourceDeployment collects them from the end): among those, rest-csrf's
     * ({@link Priorities#USER}) and this one, the higher number runs first. SecurityHeadersTest#onAForbiddenRequest
     * fails if that ever changes.
     */
    private static final int BEFORE_REST_CSRF = Priorities.USER + 100;

    @Inject
    RoutingContext routing;

    @ConfigProperty(name = "quarkus.rest-csrf.form-field-name")
    String fieldName;

    @ConfigProperty(name = "quarkus.rest-csrf.token-header-name", defaultValue = "X-CSRF-TOKEN")
    String headerName;

    @ConfigProperty(name = "quarkus.rest-csrf.cookie-name")
    String cookieName;

    @ServerRequestFilter(priority = BEFORE_REST_CSRF)
    @WithFormRead
    public Optional<Response> refuseMalformedTokens(ResteasyReactiveContainerRequestContext request) {
        if (isSafe(request.getMethod())) {
            return Optional.empty();
        }
        io.vertx.core.http.Cookie cookie = routing.request().getCookie(cookieName);
        String header = request.getHeaderString(headerName);
        String field = header != null ? null : formField(request);
        boolean malformed = cookie != null && !isBase64Url(cookie.getValue())
                || header != null && !isBase64Url(header)
                || field != null && !isBase64Url(field);
        return malformed ? Optional.of(ErrorPages.refusedForm()) : Optional.empty();
    }

    private String formField(ResteasyReactiveContainerRequestContext request) {
        MediaType type = request.getMediaType();
        if (type == null || !(type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                || type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE))) {
            return null;
        }
        Object value = ((ResteasyReactiveRequestContext) request.getServerRequestContext())
                .getFormParameter(fieldName, true, false);
        return value instanceof String text ? text : null;
    }

    static boolean isBase64Url(String value) {
        try {
            Base64.getUrlDecoder().decode(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isSafe(String method) {
        return method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
    }
}
