package io.heavylegs.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import io.heavylegs.support.RawHttp;
import io.heavylegs.support.TestUser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Generated, not a hand list: every route of the contract, anonymous and signed in, crossed with every class of
 * unreadable or hostile input, in each place a request can carry it (a query parameter, a form field, the path
 * id, a header, a cookie). For each case: no 5xx; the security headers present (or the empty, bare refusal
 * Vert.x gives what it cannot decode, SECURITY.md "Headers"); no markup echoed unescaped; nothing of the other
 * user visible. The number of cases and how each class was answered are printed at the end.
 */
@QuarkusTest
class GeneratedFuzzTest {

    /** The input classes, each with values that stand for it. */
    static final Map<String, List<String>> CLASSES = new TreeMap<>(Map.of(
            "nul", List.of("a\u0000b"),
            "c0-control", List.of("\u0007\u001b[31m", "line\r\nSet-Cookie: x=1"),
            "xml-forbidden", List.of("\uFFFE\uFFFF", "\uD800lone"),
            "broken-percent", List.of("%zz", "%E0%A4%A", "%C3%28"),
            "markup", List.of("<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>"),
            "long", List.of("a".repeat(3000)),
            "sql-template", List.of("' OR '1'='1", "{inject:flash.message}"),
            "numbers-dates", List.of("99999999999999999999", "-1", "2026-02-30"),
            "unicode", List.of("\u202Egnp.exe", "🦵 مرحبا")));

    /** A value that only ever reaches a page of user A through a bug: user B's note. */
    private static final String OTHER_USERS_NOTE = "B-private-" + UUID.randomUUID();

    record Route(String method, String path, List<String> fields, boolean hasId) {
    }

    static final List<Route> ROUTES = List.of(
            get("/", "q"), get("/articles", "q"), get("/articles/{id}"), get("/register"), get("/login", "error"),
            get("/journal", "from", "to", "mark", "page"), get("/journal/new", "like"), get("/journal/{id}"),
            get("/journal/{id}/edit"), get("/journal/{id}/delete"), get("/report", "from", "to", "entries"),
            get("/report.csv", "from", "to"), get("/account"), get("/account/export"), get("/account/export.fhir"),
            get("/insights", "from", "to"),
            get("/treatments"), get("/treatments/new"), get("/treatments/{id}/edit"), get("/labs"), get("/labs/new"),
            get("/shares"), get("/shared/{id}"), get("/password-reset"), get("/password-reset/{id}"),
            get("/reminders/unsubscribe/{id}"), get("/reminders/unsubscribed"), get("/arriving", "to"),
            post("/register", "email", "password", "confirmPassword"),
            post("/journal", "date", "time", "severity", "side", "symptoms", "factors", "notes"),
            post("/journal/{id}", "date", "severity", "notes", "version"), post("/journal/{id}/delete"),
            post("/account/profile", "name", "birthDate", "standingFactors", "timeZone", "reminderTime"),
            post("/account/password", "currentPassword", "newPassword", "confirmPassword"),
            post("/account/delete", "password"), post("/password-reset", "email"),
            post("/password-reset/{id}", "password", "confirmPassword"),
            post("/treatments", "kind", "name", "dose", "started", "stopped", "notes"),
            post("/labs", "test", "name", "value", "unit", "low", "high", "date", "notes"),
            post("/shares", "from", "to", "days"), post("/account/passkeys", "passkeyName", "credential"),
            post("/account/passkeys/{id}/remove"), post("/login/passkey", "credential", "remember"),
            post("/reminders/unsubscribe/{id}"));

    static final List<String> HEADERS = List.of("Accept-Language", "Referer", "X-Forwarded-For");
    static final List<String> COOKIES = List.of("heavylegs-flash", "heavylegs-csrf", "heavylegs-session");

    static Route get(String path, String... fields) {
        return new Route("GET", path, List.of(fields), path.contains("{id}"));
    }

    static Route post(String path, String... fields) {
        return new Route("POST", path, List.of(fields), path.contains("{id}"));
    }

    @TestHTTPResource("/")
    URI root;

    private static final Map<String, Map<Integer, AtomicInteger>> ANSWERS = new ConcurrentSkipListMap<>();
    private static final AtomicInteger CASES = new AtomicInteger();

    private static TestUser signedIn;
    private static String signedInToken;
    private static long otherUsersEntry;

    /** Made on the first case: before the tests run, the app's port is not known to the client yet. */
    private static synchronized void users() {
        if (signedIn != null) {
            return;
        }
        signedIn = TestUser.registered();
        signedInToken = signedIn.csrfToken();
        TestUser other = TestUser.registered();
        String location = other.post("/journal", Map.of("date", "2026-01-05", "severity", "4", "notes",
                OTHER_USERS_NOTE)).header("Location");
        otherUsersEntry = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    @AfterAll
    static void summary() {
        System.out.println("GeneratedFuzzTest: " + CASES.get() + " cases; answers by input class (status=count):");
        ANSWERS.forEach((inputClass, statuses) -> System.out.println("  " + inputClass + ": " + new TreeMap<>(statuses)));
    }

    @TestFactory
    Stream<DynamicTest> everyRouteEveryInputClassEveryPlace() {
        List<DynamicTest> tests = new ArrayList<>();
        for (boolean anonymous : List.of(true, false)) {
            for (Route route : ROUTES) {
                for (Map.Entry<String, List<String>> inputClass : CLASSES.entrySet()) {
                    List<String> values = inputClass.getValue();
                    for (int v = 0; v < values.size(); v++) {
                        String value = values.get(v);
                        // Headers and cookies are the same on every route: the class's first value is enough there
                        for (String place : v == 0 ? places(route) : fieldPlaces(route)) {
                            String name = String.format("#%d %s %s %s %s in %s", tests.size() + 1,
                                    anonymous ? "anonymous" : "signed-in", route.method(), route.path(),
                                    inputClass.getKey(), place);
                            tests.add(DynamicTest.dynamicTest(name,
                                    () -> run(anonymous, route, inputClass.getKey(), value, place)));
                        }
                    }
                }
            }
        }
        System.out.println("GeneratedFuzzTest: generated " + tests.size() + " cases");
        return tests.stream();
    }

    /** Where a value can go on this route: each field, the id, each header, each cookie. */
    private static List<String> places(Route route) {
        List<String> places = fieldPlaces(route);
        HEADERS.forEach(header -> places.add("header:" + header));
        COOKIES.forEach(cookie -> places.add("cookie:" + cookie));
        return places;
    }

    private static List<String> fieldPlaces(Route route) {
        List<String> places = new ArrayList<>();
        route.fields().forEach(field -> places.add((route.method().equals("GET") ? "query:" : "form:") + field));
        places.add("query:unknown");
        if (route.hasId()) {
            places.add("path:id");
        }
        return places;
    }

    private void run(boolean anonymous, Route route, String inputClass, String value, String place) throws Exception {
        users();
        CASES.incrementAndGet();
        boolean raw = inputClass.equals("broken-percent");
        String kind = place.substring(0, place.indexOf(':'));
        String target = place.substring(place.indexOf(':') + 1);
        String encoded = raw ? value : URLEncoder.encode(value, StandardCharsets.UTF_8);

        String id = kind.equals("path") ? encoded : Long.toString(otherUsersEntry);
        String path = route.path().replace("{id}", route.path().startsWith("/articles") && !kind.equals("path")
                ? "iron-deficiency" : id);
        String query = kind.equals("query") ? "?" + target + "=" + encoded : "";

        Map<String, String> cookies = new ConcurrentHashMap<>(anonymous ? Map.of() : signedIn.cookies());
        if (kind.equals("cookie")) {
            cookies.put(target, encoded);
        }
        StringBuilder head = new StringBuilder(route.method() + " " + path + query + " HTTP/1.1\r\n");
        if (kind.equals("header")) {
            // Header bytes as sent: what is not Latin-1 becomes '?', as an HTTP/1.1 client would have to send it
            head.append(target).append(": ").append(value.replaceAll("[\\r\\n]", " ")).append("\r\n");
        }
        if (!cookies.isEmpty()) {
            head.append("Cookie: ").append(cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                    .collect(Collectors.joining("; "))).append("\r\n");
        }
        byte[] body = new byte[0];
        if (route.method().equals("POST")) {
            StringBuilder form = new StringBuilder("csrf-token=").append(anonymous ? "" : signedInToken);
            for (String field : route.fields()) {
                form.append('&').append(field).append('=');
                if (kind.equals("form") && field.equals(target)) {
                    form.append(encoded);
                } else {
                    form.append(URLEncoder.encode(plausible(field), StandardCharsets.UTF_8));
                }
            }
            head.append("Content-Type: application/x-www-form-urlencoded\r\n");
            body = form.toString().getBytes(StandardCharsets.ISO_8859_1);
        }
        RawHttp.Answer answer = RawHttp.send(root, head.toString(), body);
        ANSWERS.computeIfAbsent(inputClass, k -> new ConcurrentSkipListMap<>())
                .computeIfAbsent(answer.status(), k -> new AtomicInteger()).incrementAndGet();

        String what = route.method() + " " + path + query + " (" + place + ")";
        assertTrue(answer.status() < 500, what + ": status " + answer.status());
        // What Vert.x cannot decode (a control byte in a header, a broken escape in the URI) it refuses itself,
        // before any handler: an empty 400/414/431, nothing to frame or sniff (SECURITY.md, "Headers")
        boolean bareVertxRefusal = answer.body().isEmpty()
                && (answer.status() == 400 || answer.status() == 414 || answer.status() == 431);
        if (bareVertxRefusal) {
            ANSWERS.computeIfAbsent(inputClass + " (bare, by Vert.x)", k -> new ConcurrentSkipListMap<>())
                    .computeIfAbsent(answer.status(), k -> new AtomicInteger()).incrementAndGet();
        }
        if (!bareVertxRefusal) {
            assertNotNull(answer.header("Content-Security-Policy"), what + ": CSP");
            assertNotNull(answer.header("X-Content-Type-Options"), what + ": nosniff");
            assertNotNull(answer.header("Referrer-Policy"), what + ": Referrer-Policy");
            assertNotNull(answer.header("Permissions-Policy"), what + ": Permissions-Policy");
        }
        if (value.matches("(?s).*[<>\"].*")) {
            assertFalse(answer.body().contains(value), what + ": echoed unescaped");
        }
        assertFalse(answer.body().contains("<script>alert"), what + ": script echoed");
        assertFalse(answer.body().contains(OTHER_USERS_NOTE), what + ": another user's note is visible");
        assertFalse(answer.body().contains("Exception"), what + ": an exception is shown");
    }

    /**
     * Every path a form or a link can reach, POST-only ones included (logout, login, revoke, delete), crossed
     * with every method and every body type the wire allows. No case carries a CSRF token, so none can change
     * anything (logout included): what is tested is only that each is answered by a page, never a 5xx.
     */
    static final List<String> BODY_PATHS = List.of("/", "/articles", "/journal", "/journal/{id}",
            "/journal/{id}/delete", "/logout", "/j_security_check", "/register", "/account/profile",
            "/account/delete", "/password-reset", "/treatments", "/treatments/{id}", "/treatments/{id}/delete",
            "/labs", "/labs/{id}", "/labs/{id}/delete", "/shares", "/shares/{id}/revoke", "/insights");

    static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS",
            "TRACE", "PROPFIND");

    /** Content types with a body that does not match them: each a decoder that could throw. */
    static final Map<String, String> BODY_TYPES = new TreeMap<>(Map.of(
            "multipart/form-data; boundary=x", "a=1&csrf-token=x",
            "multipart/form-data", "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--x--\r\n",
            "application/json", "{\"j_username\": 1",
            "text/plain", "j_username=a&j_password=b",
            "application/x-www-form-urlencoded; charset=ISO-8859-1", "j_username=%zz&a=\u00ff",
            "none", "j_username=a&j_password=b"));

    @TestFactory
    Stream<DynamicTest> everyPathEveryMethodEveryBodyType() {
        List<DynamicTest> tests = new ArrayList<>();
        for (boolean anonymous : List.of(true, false)) {
            for (String path : BODY_PATHS) {
                for (String method : METHODS) {
                    // GET and HEAD too: a client may send any type and body with them (an outside probe found
                    // a 500 for a multipart type on every GET when this loop left them out)
                    for (Map.Entry<String, String> type : BODY_TYPES.entrySet()) {
                        String name = String.format("#%d %s %s %s with %s", tests.size() + 1,
                                anonymous ? "anonymous" : "signed-in", method, path, type.getKey());
                        tests.add(DynamicTest.dynamicTest(name,
                                () -> send(anonymous, method, path, type.getKey(), type.getValue())));
                    }
                }
            }
        }
        System.out.println("GeneratedFuzzTest: generated " + tests.size() + " method and body-type cases");
        return tests.stream();
    }

    private void send(boolean anonymous, String method, String path, String type, String body) throws Exception {
        users();
        CASES.incrementAndGet();
        String target = path.replace("{id}", Long.toString(otherUsersEntry));
        StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\n");
        if (!anonymous) {
            head.append("Cookie: ").append(signedIn.cookies().entrySet().stream()
                    .filter(c -> !c.getKey().contains("csrf"))
                    .map(c -> c.getKey() + "=" + c.getValue()).collect(Collectors.joining("; "))).append("\r\n");
        }
        if (!type.equals("none")) {
            head.append("Content-Type: ").append(type).append("\r\n");
        }
        RawHttp.Answer answer = RawHttp.send(root, head.toString(), body.getBytes(StandardCharsets.UTF_8));
        ANSWERS.computeIfAbsent("method " + method, k -> new ConcurrentSkipListMap<>())
                .computeIfAbsent(answer.status(), k -> new AtomicInteger()).incrementAndGet();
        String what = method + " " + target + " (" + type + ")";
        assertTrue(answer.status() < 500, what + ": status " + answer.status());
        assertNotNull(answer.header("Content-Security-Policy"), what + ": CSP");
        assertNotNull(answer.header("X-Content-Type-Options"), what + ": nosniff");
        assertFalse(answer.body().contains(OTHER_USERS_NOTE), what + ": another user's note is visible");
        assertFalse(answer.body().contains("Exception"), what + ": an exception is shown");
    }

    /** A value that passes the field's own rules, so that the fuzzed field is the only thing wrong. */
    private static String plausible(String field) {
        return switch (field) {
            case "date", "started", "from", "birthDate" -> "2026-01-10";
            case "to" -> "2026-01-20";
            case "severity", "days" -> "3";
            case "value", "low" -> "1";
            case "high" -> "50";
            case "email" -> "fuzz-" + UUID.randomUUID() + "@example.org";
            // Never a registration or a password change that succeeds: the two never match
            case "password", "newPassword" -> "wrong " + TestUser.PASSWORD;
            case "confirmPassword" -> "mismatch " + TestUser.PASSWORD;
            case "kind" -> "supplement";
            case "test" -> "ferritin";
            case "unit" -> "µg/L";
            case "timeZone" -> "Europe/London";
            case "version" -> "0";
            default -> "";
        };
    }
}
