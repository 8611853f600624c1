package io.heavylegs.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.heavylegs.support.RawHttp;
import io.heavylegs.support.TestUser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Each class of malformed input the issue found answering 5xx (or a bare body), once, as a browser-less client
 * sends it: the answer is the right 4xx page inside the layout, with every security header.
 */
@QuarkusTest
class EdgeInputTest {

    @TestHTTPResource("/")
    URI root;

    private static String cookieHeader(TestUser user) {
        return user.cookies().entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
    }

    private RawHttp.Answer get(String target, String cookies) throws Exception {
        return RawHttp.send(root, "GET " + target + " HTTP/1.1\r\n"
                + (cookies == null ? "" : "Cookie: " + cookies + "\r\n"));
    }

    private static void assertPage(RawHttp.Answer answer, int status, String what) {
        assertEquals(status, answer.status(), what + ": status");
        assertHeaders(answer, what);
        assertTrue(answer.body().contains("site-header"), what + ": a page in the layout");
    }

    static void assertHeaders(RawHttp.Answer answer, String what) {
        assertNotNull(answer.header("Content-Security-Policy"), what + ": CSP");
        assertEquals("nosniff", answer.header("X-Content-Type-Options"), what + ": nosniff");
        assertNotNull(answer.header("Referrer-Policy"), what + ": Referrer-Policy");
        assertNotNull(answer.header("Permissions-Policy"), what + ": Permissions-Policy");
        assertTrue(answer.header("Content-Security-Policy").contains("frame-ancestors 'none'"), what);
    }

    @Test
    void signedInErrorPagesArePagesNot500() throws Exception {
        TestUser user = TestUser.registered();
        String cookies = cookieHeader(user);
        assertPage(get("/no/such/page", cookies), 404, "unknown path");
        assertPage(RawHttp.send(root, "DELETE /journal/4 HTTP/1.1\r\nCookie: " + cookies + "\r\n"), 405,
                "DELETE /journal/4");
        RawHttp.Answer logout = get("/logout", cookies);
        assertTrue(logout.status() < 500, "GET /logout: " + logout.status());
        assertHeaders(logout, "GET /logout");
        assertPage(RawHttp.postForm(root, "/journal", cookies, "csrf-token=%%%garbage&date=2026-01-01"), 400,
                "garbage token");
        assertPage(RawHttp.send(root, "POST /journal HTTP/1.1\r\nContent-Type: application/json\r\nCookie: "
                + cookies + "\r\n", "{}".getBytes()), 415, "wrong content type");
    }

    @Test
    void aNulInTheSearchIsNotAServerError() throws Exception {
        RawHttp.Answer answer = get("/articles?q=iron%00deficiency", null);
        assertTrue(answer.status() == 200 || answer.status() == 400, "status " + answer.status());
        assertHeaders(answer, "NUL in q");
        assertTrue(answer.body().contains("site-header"));
    }

    @Test
    void malformedPercentEncodingIsA400Page() throws Exception {
        TestUser visitor = TestUser.anonymous();
        String token = visitor.csrfToken();
        assertPage(RawHttp.postForm(root, "/register", cookieHeader(visitor),
                "csrf-token=" + token + "&email=a%zz%&password=%E0%A4%A"), 400, "form body");
        // Vert.x refuses a URI it cannot decode before any handler, empty and bare (SECURITY.md, "Headers")
        assertEquals(400, get("/articles?q=%zz", null).status());
        assertEquals(400, get("/journal?from=%E0%A4%A", cookieHeader(TestUser.registered())).status());
        // Escapes that decode, to bytes that are not UTF-8, reach the app, which refuses them with its page
        assertPage(get("/articles?q=%C3%28", null), 400, "not UTF-8");
        assertPage(get("/articles?" + "a&".repeat(1001), null), 400, "1001 query parameters");
    }

    @Test
    void tooManyParametersIsA400Page() throws Exception {
        TestUser visitor = TestUser.anonymous();
        String token = visitor.csrfToken();
        String many = java.util.stream.IntStream.range(0, 1500).mapToObj(i -> "p" + i + "=x")
                .collect(Collectors.joining("&"));
        RawHttp.Answer answer = RawHttp.postForm(root, "/register", cookieHeader(visitor),
                "csrf-token=" + token + "&" + many);
        assertTrue(answer.status() == 400 || answer.status() == 413, "status " + answer.status());
        assertHeaders(answer, "1500 params");
    }

    @Test
    void malformedCookiesAreIgnoredOrRefused() throws Exception {
        for (String cookie : java.util.List.of("heavylegs-flash=%E0%A4%A", "heavylegs-flash=%zz",
                "heavylegs-flash=%01%1b", "heavylegs-flash=%EF%BF%BF", "heavylegs-csrf=%%%", "heavylegs-session=garbage",
                "heavylegs-session=%zz%%")) {
            RawHttp.Answer page = get("/", cookie);
            assertTrue(page.status() < 500, cookie + ": " + page.status());
            assertHeaders(page, cookie);
            RawHttp.Answer journal = get("/journal", cookie);
            assertTrue(journal.status() < 500, cookie + ": " + journal.status());
        }
    }

    @Test
    void vertxRefusalsCarryTheHeaders() throws Exception {
        assertPage(get("/articles?q=" + "a".repeat(10_000), null), 414, "a long query");
        assertPage(RawHttp.send(root, "GET / HTTP/1.1\r\nX-Big: " + "a".repeat(30_000) + "\r\n"), 431,
                "a large header");
        // A request line Netty cannot parse at all never reaches a handler: Vert.x answers it bare (SECURITY.md).
        assertEquals(400, RawHttp.send(root, "GET /a b c HTTP/1.1\r\n").status());
    }
}
