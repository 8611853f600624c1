package io.heavylegs.account;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.heavylegs.database.PlainSql;
import io.heavylegs.web.ClientAddress;
import io.heavylegs.web.FilterOrder;
import io.heavylegs.web.Flash;
import io.heavylegs.web.FormRefill;
import io.quarkus.vertx.http.runtime.security.HttpSecurityRecorder.DefaultAuthFailureHandler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * "An expired session keeps the work": a form posted after its session ended (idle timeout, lifetime, ended from
 * another device) is kept instead of lost, the browser is sent to the login page with a calm message, and after
 * the login the same form page shows what was typed ({@link FormRefill}), not yet saved. The one place for it:
 * <ul>
 * <li>Which posts are kept: the signed-in forms without passwords ({@link #ROUTES}: entries, treatments, lab
 * results, the profile), sent as a form. {@link SessionIdentityProvider} refuses such a request's session with
 * {@link SessionEnded}, which reaches {@link #keepAndSignIn} instead of form authentication's plain redirect.</li>
 * <li>How: the body (at most {@value #MAX_BODY} bytes, {@value #MAX_FIELDS} fields) without its CSRF token and
 * without any password field is sealed with AES-256-GCM under a key derived from the session key, bound (as
 * associated data) to the browser, the account and the form, and stored in {@code kept_form} for
 * {@link #KEPT_FOR}. The browser holds only a random id ({@link FormRefill#KEPT_COOKIE}, HttpOnly, Strict); the row
 * holds its SHA-256. Nothing of the form is ever logged.</li>
 * <li>To whom: only to the account whose session ended, on the same browser, within 30 minutes, once, on the
 * page of that form ({@link KeptFormOffer}); never replayed, never saved by itself. Another account logging in
 * on that browser sees nothing of it. A browser that sent no session at all (cookie gone, unreadable) names no
 * account, and its form is not kept: it could only be bound to whoever logs in next on that browser.</li>
 * </ul>
 */
@ApplicationScoped
public class KeptForms {

    private static final Logger LOG = Logger.getLogger(KeptForms.class);

    static final Duration KEPT_FOR = Duration.ofMinutes(30);
    static final int MAX_BODY = 64 * 1024;
    static final int MAX_FIELDS = 1000;
    static final String SIGNED_OUT_MESSAGE = "You were signed out; your entry is kept \u2014 log in to finish it.";
    private static final String REDIRECT_LOCATION = "quarkus-redirect-location";
    private static final int IV_BYTES = 12;

    /** A form that is kept: the path it posts to and the page that shows it, {@code {id}} standing for an id. */
    record Route(String post, String page) {

        /** {@code from} matched against one side's template gives the other side's path. */
        Optional<String> translate(String from, String fromTemplate, String toTemplate) {
            Matcher matcher = Pattern.compile(Pattern.quote(fromTemplate).replace("{id}", "\\E(\\d{1,18})\\Q"))
                    .matcher(from == null ? "" : from);
            if (!matcher.matches()) {
                return Optional.empty();
            }
            return Optional.of(matcher.groupCount() == 0 ? toTemplate : toTemplate.replace("{id}", matcher.group(1)));
        }
    }

    /** The signed-in forms worth keeping; the password forms are not (a password is never kept). */
    static final List<Route> ROUTES = List.of(
            new Route("/journal", "/journal/new"), new Route("/journal/{id}", "/journal/{id}/edit"),
            new Route("/treatments", "/treatments/new"), new Route("/treatments/{id}", "/treatments/{id}/edit"),
            new Route("/labs", "/labs/new"), new Route("/labs/{id}", "/labs/{id}/edit"),
            new Route("/account/profile", "/account"));

    /** The refusal of a session whose form is kept; only {@link #keepAndSignIn} ever sees it. */
    static final class SessionEnded extends RuntimeException {

        final long userId;

        SessionEnded(long userId) {
            super("Session ended; the posted form is kept", null, false, false);
            this.userId = userId;
        }
    }

    private final SecureRandom random = new SecureRandom();
    private final SecretKeySpec key;

    @Inject
    DataSource dataSource;

    KeptForms(@ConfigProperty(name = "quarkus.http.auth.session.encryption-key") Optional<String> sessionKey) {
        byte[] material = sessionKey.map(k -> k.getBytes(StandardCharsets.UTF_8)).orElseGet(() -> {
            // Without a session key Quarkus makes one up per process; kept forms then last as long as the process.
            byte[] generated = new byte[32];
            new SecureRandom().nextBytes(generated);
            return generated;
        });
        this.key = new SecretKeySpec(sha256("heavylegs kept form\n".getBytes(StandardCharsets.UTF_8), material), "AES");
    }

    /** Whether a refused session's request is a form this class keeps. */
    static boolean wouldKeep(HttpServerRequest request) {
        String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
        return request.method() == HttpMethod.POST && type != null
                && type.strip().toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")
                && pageOf(request.path()).isPresent();
    }

    /** The page that shows the form posting to {@code postPath}. */
    static Optional<String> pageOf(String postPath) {
        return ROUTES.stream().flatMap(route -> route.translate(postPath, route.post(), route.page()).stream())
                .findFirst();
    }

    /** The path the form shown on {@code page} posts to. */
    static Optional<String> postPathOf(String page) {
        return ROUTES.stream().flatMap(route -> route.translate(page, route.page(), route.post()).stream())
                .findFirst();
    }

    void register(@Observes Router router) {
        router.route().method(HttpMethod.POST).order(FilterOrder.FAILURE_HANDLERS).failureHandler(this::keepAndSignIn);
    }

    private void keepAndSignIn(RoutingContext context) {
        if (!(DefaultAuthFailureHandler.extractRootCause(context.failure()) instanceof SessionEnded ended)
                || context.response().ended()) {
            context.next();
            return;
        }
        HttpServerRequest request = context.request();
        String postPath = request.path();
        readBody(request, body -> {
            Map<String, List<String>> fields = body == null ? null : parse(body);
            if (fields == null) {
                signIn(context, null, postPath, false);
                return;
            }
            String browser = browserId(context);
            context.vertx().executeBlocking(() -> {
                keep(browser, ended.userId, postPath, fields);
                return browser;
            }, false).onComplete(kept -> {
                if (kept.failed()) {
                    LOG.warnf("A form could not be kept: %s", kept.cause().getClass().getName());
                }
                signIn(context, kept.succeeded() ? browser : null, postPath, kept.succeeded());
            });
        });
    }

    /** The login page, with the way back to the form's page after it. */
    private static void signIn(RoutingContext context, String browser, String postPath, boolean kept) {
        if (context.response().ended()) {
            return;
        }
        boolean secure = ClientAddress.isHttps(context);
        if (kept) {
            context.response().addCookie(Cookie.cookie(FormRefill.KEPT_COOKIE, browser).setPath("/")
                    .setMaxAge(KEPT_FOR.toSeconds()).setHttpOnly(true).setSecure(secure)
                    .setSameSite(CookieSameSite.STRICT));
            context.response().addCookie(Flash.cookie(SIGNED_OUT_MESSAGE, secure));
            String page = URI.create(context.request().absoluteURI()).resolve(pageOf(postPath).orElseThrow())
                    .toString();
            context.response().addCookie(Cookie.cookie(REDIRECT_LOCATION, page).setPath("/").setHttpOnly(true)
                    .setSecure(secure).setSameSite(CookieSameSite.STRICT));
        }
        context.response().setStatusCode(303).putHeader(HttpHeaders.LOCATION, "/login")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store").end();
    }

    /** The browser's id: the one it already holds when well-formed, else a new one. */
    private static String browserId(RoutingContext context) {
        Cookie held = context.request().getCookie(FormRefill.KEPT_COOKIE);
        return held != null && SecretTokens.wellFormed(held.getValue()) ? held.getValue() : SecretTokens.generate();
    }

    /** The whole body, or null when it is larger than a form can be or arrives broken. */
    private static void readBody(HttpServerRequest request, java.util.function.Consumer<String> then) {
        if (request.isEnded()) {
            then.accept(null);
            return;
        }
        Buffer body = Buffer.buffer();
        boolean[] tooLarge = {false};
        request.handler(chunk -> {
            if (body.length() + chunk.length() > MAX_BODY) {
                tooLarge[0] = true;
            } else if (!tooLarge[0]) {
                body.appendBuffer(chunk);
            }
        });
        request.exceptionHandler(failure -> then.accept(null));
        request.endHandler(ignored -> then.accept(tooLarge[0] ? null : body.toString(StandardCharsets.UTF_8)));
        request.resume();
    }

    /** A form body as fields, without the token and passwords; null when it is not a readable form. */
    static Map<String, List<String>> parse(String body) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        if (body.isEmpty()) {
            return fields;
        }
        String[] pairs = body.split("&", -1);
        if (pairs.length > MAX_FIELDS) {
            return null;
        }
        try {
            for (String pair : pairs) {
                int equals = pair.indexOf('=');
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                if (!name.equals("csrf-token") && !name.toLowerCase(java.util.Locale.ROOT).contains("password")) {
                    fields.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
                }
            }
        } catch (IllegalArgumentException e) {
            return null;
        }
        return fields;
    }

    /** Seals and stores the form, replacing an earlier one of the same browser and form; old rows go on the way. */
    void keep(String browser, long userId, String postPath, Map<String, List<String>> fields) {
        String browserHash = SecretTokens.hash(browser);
        Instant now = Instant.now();
        PlainSql.query(dataSource, "DELETE FROM kept_form WHERE kept_at < :old OR (browser_hash = :browser "
                + "AND post_path = :path) RETURNING id", Map.of("old", now.minus(KEPT_FOR).atOffset(ZoneOffset.UTC),
                        "browser", browserHash, "path", postPath), rows -> null);
        byte[] sealed = seal(encode(fields), associatedData(browserHash, userId, postPath));
        PlainSql.query(dataSource, "INSERT INTO kept_form (browser_hash, user_id, post_path, sealed, kept_at) "
                + "VALUES (:browser, :user, :path, :sealed, :now) RETURNING id",
                Map.of("browser", browserHash, "user", userId, "path", postPath, "sealed", sealed,
                        "now", now.atOffset(ZoneOffset.UTC)), rows -> null);
    }

    /**
     * The form this browser's session of {@code userId} kept for {@code postPath}, taken (it is shown once); empty
     * when there is none, it is too old, it was another account's, or it does not open under this key.
     */
    Optional<Map<String, List<String>>> take(String browser, long userId, String postPath) {
        if (!SecretTokens.wellFormed(browser)) {
            return Optional.empty();
        }
        String browserHash = SecretTokens.hash(browser);
        Optional<byte[]> sealed = PlainSql.query(dataSource, "DELETE FROM kept_form WHERE browser_hash = :browser "
                + "AND user_id = :user AND post_path = :path AND kept_at > :old RETURNING sealed",
                Map.of("browser", browserHash, "user", userId, "path", postPath,
                        "old", Instant.now().minus(KEPT_FOR).atOffset(ZoneOffset.UTC)),
                rows -> rows.next() ? Optional.of(rows.getBytes(1)) : Optional.<byte[]>empty());
        return sealed.flatMap(bytes -> open(bytes, associatedData(browserHash, userId, postPath)))
                .map(KeptForms::parse);
    }

    private static byte[] associatedData(String browserHash, long userId, String postPath) {
        return (browserHash + "\n" + userId + "\n" + postPath).getBytes(StandardCharsets.UTF_8);
    }

    private static String encode(Map<String, List<String>> fields) {
        List<String> pairs = new ArrayList<>();
        fields.forEach((name, values) -> values.forEach(value -> pairs.add(URLEncoder.encode(name,
                StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8))));
        return String.join("&", pairs);
    }

    private byte[] seal(String plain, byte[] associated) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            cipher.updateAAD(associated);
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    private Optional<String> open(byte[] sealed, byte[] associated) {
        if (sealed.length <= IV_BYTES) {
            return Optional.empty();
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, Arrays.copyOf(sealed, IV_BYTES)));
            cipher.updateAAD(associated);
            byte[] plain = cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
            return Optional.of(new String(plain, StandardCharsets.UTF_8));
        } catch (AEADBadTagException e) {
            return Optional.empty(); // sealed under another key (rotated) or changed in the database
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    private static byte[] sha256(byte[] label, byte[] material) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(label);
            return digest.digest(material);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
