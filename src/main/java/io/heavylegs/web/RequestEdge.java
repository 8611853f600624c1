package io.heavylegs.web;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Decides, once and before anything else reads the request, what no page can use: a target longer than
 * {@value #MAX_TARGET_LENGTH} characters (414), a header block over {@value #MAX_HEADER_BYTES} bytes (431), a query
 * string with broken percent-encoding, bytes that are not UTF-8, or more than {@value #MAX_PARAMETERS} parameters
 * (400), and a body no page reads (415): {@code multipart/*} anywhere (no form here uploads files, and Vert.x'
 * multipart decoder fails with a 500 on a body that is not one), and anything but a urlencoded form on the login
 * form's {@code POST /j_security_check} (Quarkus' form authentication throws on any other type). A GET or HEAD
 * loses its {@code Content-Type} instead: whatever body it carries is never read. Each refusal is answered
 * with {@link RefusedRequests}' page in the layout, so it carries every security header.
 * Vert.x' own refusals of the same kind (its router's 400 for a query it cannot decode) are rerouted there too.
 *
 * <p>Vert.x refuses a request line or header block over its own limits itself, before any handler, with an empty
 * answer. Those limits are set well above the ones here ({@code quarkus.http.limits.max-initial-line-length},
 * {@code max-header-size}), so that this class answers the ordinary cases. What Vert.x cannot decode at all (a
 * broken request line, an invalid URI such as {@code %zz}, a control byte in a header) stays its empty 400: see
 * SECURITY.md, "Headers".
 */
@ApplicationScoped
public class RequestEdge {

    static final int MAX_TARGET_LENGTH = 4096;
    static final int MAX_HEADER_BYTES = 20 * 1024;
    static final int MAX_PARAMETERS = 1000;
    private static final String LOGIN_FORM = "/j_security_check";

    /** Routing-context key: the status the refused request gets; only {@link RefusedRequests} reads it. */
    static final String REFUSED_STATUS = "heavylegs.refused-status";
    static final String REFUSAL_PAGE = "/refused";

    void register(@Observes Filters filters) {
        filters.register(this::check, FilterOrder.EDGE_CHECKS);
    }

    void installFailureHandler(@Observes Router router) {
        router.route().order(FilterOrder.FAILURE_HANDLERS).failureHandler(context -> {
            int status = context.statusCode();
            if (!context.response().headWritten() && (status == 400 || status == 414 || status == 431)
                    && context.get(REFUSED_STATUS) == null) {
                refuse(context, status);
            } else {
                context.next();
            }
        });
    }

    private void check(RoutingContext context) {
        if (context.get(REFUSED_STATUS) != null) {
            context.next();
            return;
        }
        int status = isUnusedExtensionEndpoint(context.normalizedPath()) ? 404
                : statusFor(context.request().uri(), context.request().query(), headerBytes(context));
        if (status == 0 && hasNoBodyToRead(context.request().method())) {
            // A GET or HEAD body means nothing here (no page reads one), but the REST layer would still decode
            // it by its declared type, and a multipart type fails there with a 500 even without a body
            context.request().headers().remove("Content-Type");
        } else if (status == 0) {
            status = statusForBody(context.request().method(), context.request().path(),
                    context.request().getHeader("Content-Type"));
        }
        if (status == 0) {
            context.next();
        } else {
            refuse(context, status);
        }
    }

    /**
     * The WebAuthn extension's own endpoints (challenges, its login and logout, its script, the list of origins):
     * the app runs passkeys through its own forms (account/PasskeyResource), so these are unknown pages here, as
     * every other {@code /q} path but health.
     */
    static boolean isUnusedExtensionEndpoint(String path) {
        return path != null && (path.equals("/q/webauthn") || path.startsWith("/q/webauthn/")
                || path.equals("/.well-known/webauthn"));
    }

    private static void refuse(RoutingContext context, int status) {
        context.put(REFUSED_STATUS, status);
        // The refusal page reads no body; without this the REST layer would still parse it by its type on the
        // rerouted request (a broken multipart body fails there with a 500)
        context.request().headers().remove("Content-Type");
        context.reroute(HttpMethod.GET, REFUSAL_PAGE);
    }

    private static int headerBytes(RoutingContext context) {
        int bytes = 0;
        for (Map.Entry<String, String> header : context.request().headers()) {
            bytes += header.getKey().length() + header.getValue().length() + 4;
        }
        return bytes;
    }

    /** 0 when the request may go on, else the status that refuses it. */
    static int statusFor(String target, String query, int headerBytes) {
        if (target != null && target.length() > MAX_TARGET_LENGTH) {
            return 414;
        }
        if (headerBytes > MAX_HEADER_BYTES) {
            return 431;
        }
        if (query != null && !query.isEmpty() && !isWellFormedQuery(query)) {
            return 400;
        }
        return 0;
    }

    /** 0 when the body may be read, else 415: see the class comment for why these two. */
    static int statusForBody(HttpMethod method, String path, String contentType) {
        if (hasNoBodyToRead(method)) {
            return 0;
        }
        String type = contentType == null ? "" : contentType.strip().toLowerCase(Locale.ROOT);
        if (type.startsWith("multipart/")) {
            return 415;
        }
        if (LOGIN_FORM.equals(path) && !type.startsWith("application/x-www-form-urlencoded")) {
            return 415;
        }
        return 0;
    }

    private static boolean hasNoBodyToRead(HttpMethod method) {
        return method == HttpMethod.GET || method == HttpMethod.HEAD;
    }

    /** Percent-escapes complete, what they encode UTF-8, and at most {@value #MAX_PARAMETERS} parameters. */
    static boolean isWellFormedQuery(String query) {
        int parameters = 1;
        ByteBuffer bytes = ByteBuffer.allocate(query.length() * 3);
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c == '&' && ++parameters > MAX_PARAMETERS) {
                return false;
            }
            if (c == '%') {
                if (i + 2 >= query.length() || Character.digit(query.charAt(i + 1), 16) < 0
                        || Character.digit(query.charAt(i + 2), 16) < 0) {
                    return false;
                }
                bytes.put((byte) Integer.parseInt(query.substring(i + 1, i + 3), 16));
                i += 2;
            } else if (c > 0x7f) {
                bytes.put(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            } else {
                bytes.put((byte) c);
            }
        }
        bytes.flip();
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes);
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
