package io.heavylegs.support;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * A user driven over real HTTP the way a browser would: registered through the form, logged in through
 * {@code /j_security_check}, carrying its cookies and the CSRF token of the pages it has seen.
 */
public final class TestUser {

    public static final String PASSWORD = "a calm walk by the river";
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    public final String email;
    private final Map<String, String> cookies = new HashMap<>();
    /**
     * Each test user comes from its own client address (forwarded by the loopback "proxy" the app trusts), so
     * that the login throttle's per-address count of one test does not spill into another.
     */
    private String address = randomAddress();

    private TestUser(String email) {
        this.email = email;
    }

    /** A new account with a unique email, logged in. */
    public static TestUser registered() {
        TestUser user = new TestUser("user-" + UUID.randomUUID() + "@example.org");
        user.post("/register", Map.of("email", user.email, "password", PASSWORD, "confirmPassword", PASSWORD))
                .then().statusCode(303);
        user.logIn(PASSWORD).then().statusCode(302);
        return user;
    }

    /** The cookies of a second, separate login of the same user, as another device would hold them. */
    public static Map<String, String> registeredCookiesOf(TestUser user) {
        TestUser device = new TestUser(user.email);
        device.logIn(PASSWORD).then().statusCode(302);
        return device.cookies();
    }

    /** Anyone, not logged in, with a CSRF cookie. */
    public static TestUser anonymous() {
        return new TestUser(null);
    }

    public Response logIn(String password) {
        Response response = request()
                .formParam("j_username", email)
                .formParam("j_password", password)
                .post("/j_security_check");
        rememberCookies(response);
        return response;
    }

    /** A request with this user's cookies that does not follow redirects. */
    public RequestSpecification request() {
        return given().redirects().follow(false).cookies(cookies).header("X-Forwarded-For", address);
    }

    /** The client address this user's requests come from. */
    public String address() {
        return address;
    }

    /** Moves this user to another client address, as a phone does between networks. */
    public TestUser fromAddress(String newAddress) {
        address = newAddress;
        return this;
    }

    private static String randomAddress() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        return "100." + random.nextInt(64, 128) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    public Response get(String path) {
        Response response = request().get(path);
        rememberCookies(response);
        return response;
    }

    /** A form POST carrying a fresh CSRF token, as the page's own form would. */
    public Response post(String path, Map<String, ?> form) {
        String token = csrfToken();
        RequestSpecification spec = request().contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("csrf-token", token);
        form.forEach((name, value) -> {
            if (value instanceof Iterable<?> values) {
                values.forEach(v -> spec.formParam(name, v));
            } else {
                spec.formParam(name, value);
            }
        });
        Response response = spec.post(path);
        rememberCookies(response);
        return response;
    }

    /** The token of a page that carries a form, as the browser would have it. */
    public String csrfToken() {
        return csrfTokenOf(get("/register"));
    }

    /** The {@code csrf-token} field of a page's (first) form. */
    public static String csrfTokenOf(Response page) {
        Matcher matcher = CSRF_FIELD.matcher(page.asString());
        if (!matcher.find()) {
            throw new AssertionError("No csrf-token field on the page");
        }
        return matcher.group(1);
    }

    public Map<String, String> cookies() {
        return Map.copyOf(cookies);
    }

    /** Replaces this user's cookies, to replay an old session. */
    public void useCookies(Map<String, String> saved) {
        cookies.clear();
        cookies.putAll(saved);
    }

    /** Keeps the cookies a response set, as the browser would, for a request made through {@link #request()}. */
    public Response remember(Response response) {
        rememberCookies(response);
        return response;
    }

    /** A request with exactly these cookies (none of this user's own), from this user's address. */
    public RequestSpecification requestWithCookies(Map<String, String> exactly) {
        return given().redirects().follow(false).cookies(exactly).header("X-Forwarded-For", address);
    }

    private void rememberCookies(Response response) {
        response.getDetailedCookies().forEach(cookie -> {
            if (cookie.getMaxAge() == 0 || cookie.getValue().isEmpty()) {
                cookies.remove(cookie.getName());
            } else {
                cookies.put(cookie.getName(), cookie.getValue());
            }
        });
    }
}
