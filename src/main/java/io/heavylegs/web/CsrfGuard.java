package io.heavylegs.web;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.core.multipart.FormData;
import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

import io.quarkus.qute.TemplateInstance;
import io.vertx.ext.web.RoutingContext;

/**
 * The app's side of the CSRF check, around rest-csrf's:
 * <ul>
 * <li>Before rest-csrf's check of a state-changing request, it refuses, with a page, what that check would not
 * survive (with signed tokens rest-csrf decodes the posted token and the cookie as Base64, and a value that is not
 * Base64 makes it throw instead of refusing), and every token that is missing, does not sign to the cookie, or was
 * issued to another session ({@link CsrfTokens}). Whatever passes here, rest-csrf then verifies as usual.</li>
 * <li>A refused form whose page can be shown again ({@link RefillablePages}) is answered with that page, status
 * 400, holding what was typed, with a valid token and its cookie and "This form had expired; check it and save again"
 * ({@link FormRefill}). Nothing is stored. Any other refused POST gets the plain refusal page.</li>
 * <li>After rest-csrf has made the token of a page, it replaces it with one bound to this request's session (the
 * session's one token, so every tab of a session keeps a valid form; see {@link CsrfTokens}).</li>
 * </ul>
 */
public class CsrfGuard {

    /**
     * Lower priorities run first, but RESTEasy Reactive 3.33 moves the filters that read the form behind the
     * form reader in reverse order (RuntimeResourceDeployment collects them from the end): among those, rest-csrf's
     * ({@link Priorities#USER}) and this one, the higher number runs first. SecurityHeadersTest#onAForbiddenRequest
     * fails if that ever changes.
     */
    private static final int BEFORE_REST_CSRF = Priorities.USER + 100;

    /** Among the filters that read the form, a lower number runs later (see above): after rest-csrf's. */
    private static final int AFTER_REST_CSRF = Priorities.USER - 100;

    /** The routing-context key under which rest-csrf keeps the new token's bytes, which its cookie signs. */
    private static final String TOKEN_BYTES_KEY = "csrf_token_bytes";

    /** The routing-context key (literally "true") that makes rest-csrf's response filter set the token's cookie. */
    private static final String NEW_COOKIE_REQUIRED = "true";

    @Inject
    FormRefill refill;

    @Inject
    Instance<RefillablePages> pages;

    @Inject
    CsrfTokens tokens;

    @Inject
    SignedInUser signedIn;

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
    public Optional<Response> checkToken(ResteasyReactiveContainerRequestContext request) {
        if (isSafe(request.getMethod())) {
            return Optional.empty();
        }
        io.vertx.core.http.Cookie cookie = routing.request().getCookie(cookieName);
        String header = request.getHeaderString(headerName);
        String field = header != null ? null : formField(request);
        boolean malformed = cookie != null && !isBase64Url(cookie.getValue())
                || header != null && !isBase64Url(header)
                || field != null && !isBase64Url(field);
        if (malformed) {
            return Optional.of(refuse(request));
        }
        if (header == null && !isForm(request)) {
            return Optional.empty(); // rest-csrf refuses a body that is not a form itself
        }
        String token = header != null ? header : field;
        boolean valid = cookie != null && token != null && tokens.signsTo(token, cookie.getValue())
                && tokens.isBoundTo(token, binding());
        return valid ? Optional.empty() : Optional.of(refuse(request));
    }

    /**
     * The form's own page again when it has one, else the refusal page; both with a fresh token (and its cookie),
     * so that the next try carries a valid pair (for a signed-in session, its one token).
     */
    private Response refuse(ResteasyReactiveContainerRequestContext request) {
        byte[] token = tokens.issue(binding());
        routing.put(TOKEN_BYTES_KEY, token);
        routing.put(FormTokens.TOKEN_KEY, CsrfTokens.encode(token));
        routing.put(NEW_COOKIE_REQUIRED, true);
        Map<String, List<String>> typed = typedFields(request);
        if (typed != null) {
            String path = request.getUriInfo().getPath();
            refill.offer(new FormRefill.Typed(FormRefill.Reason.EXPIRED_TOKEN, path, typed));
            for (RefillablePages feature : pages) {
                try {
                    Optional<TemplateInstance> page = feature.pageFor(path);
                    if (page.isPresent()) {
                        return Response.status(Response.Status.BAD_REQUEST)
                                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page.get()).build();
                    }
                } catch (SecurityException e) {
                    // A signed-in feature asked while signed out: not its page to show
                } catch (WebApplicationException e) {
                    break; // Not this user's page (another user's id, a deleted entry): the plain refusal says enough
                }
            }
            refill.offer(null);
        }
        return ErrorPages.refusedForm();
    }

    /** The posted form's fields, or null when the body was no form. */
    private static Map<String, List<String>> typedFields(ResteasyReactiveContainerRequestContext request) {
        if (!isForm(request)) {
            return null;
        }
        FormData form = ((ResteasyReactiveRequestContext) request.getServerRequestContext()).getFormData();
        if (form == null) {
            return null;
        }
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (Iterator<String> names = form.iterator(); names.hasNext();) {
            String name = names.next();
            Deque<FormValue> values = form.get(name);
            List<String> texts = new ArrayList<>();
            if (values != null) {
                values.stream().filter(value -> !value.isFileItem()).forEach(value -> texts.add(value.getValue()));
            }
            fields.put(name, texts);
        }
        return fields;
    }

    /** A page's new token (rest-csrf made one for this response) becomes one bound to this request's session. */
    @ServerRequestFilter(priority = AFTER_REST_CSRF)
    @WithFormRead
    public void bindNewToken(ResteasyReactiveContainerRequestContext request) {
        if (isSafe(request.getMethod()) && routing.get(TOKEN_BYTES_KEY) != null) {
            byte[] token = tokens.issue(binding());
            routing.put(TOKEN_BYTES_KEY, token);
            routing.put(FormTokens.TOKEN_KEY, CsrfTokens.encode(token));
        }
    }

    private String binding() {
        return CsrfTokens.bindingOf(signedIn.sessionId());
    }

    private static boolean isForm(ResteasyReactiveContainerRequestContext request) {
        MediaType type = request.getMediaType();
        return type != null && (type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                || type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE));
    }

    private String formField(ResteasyReactiveContainerRequestContext request) {
        if (!isForm(request)) {
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
