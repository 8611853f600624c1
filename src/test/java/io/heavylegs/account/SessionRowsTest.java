package io.heavylegs.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import io.heavylegs.database.PlainSql;
import io.heavylegs.support.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Cookie;
import io.restassured.response.Response;

/**
 * Sessions as rows: the account page lists each one (device, first and last used, this device), ends one or all
 * others, and a session ended in PostgreSQL by anyone (another instance) is refused from the next request on.
 */
@QuarkusTest
class SessionRowsTest {

    static final String FIREFOX_ANDROID = "Mozilla/5.0 (Android 14; Mobile; rv:126.0) Gecko/126.0 Firefox/126.0";
    static final String SAFARI_IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
            + "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

    @Inject
    DataSource dataSource;

    @Test
    void theAccountPageListsEachSessionWithItsDeviceAndMarksThisOne() {
        TestUser user = TestUser.registered();
        TestUser phone = device(user, FIREFOX_ANDROID, false);
        device(user, SAFARI_IPHONE, true);

        Document page = Jsoup.parse(phone.get("/account").then().statusCode(200).extract().asString());
        List<Element> sessions = page.select("[data-session]");
        assertEquals(3, sessions.size(), page.select("#sessions").outerHtml());
        Element thisDevice = page.selectFirst("[data-this-device]");
        assertNotNull(thisDevice);
        assertTrue(thisDevice.text().contains("Firefox on Android"), thisDevice.text());
        assertTrue(thisDevice.text().contains("(this device)"));
        Element iphone = sessions.stream().filter(s -> s.text().contains("Safari on iPhone")).findFirst().orElseThrow();
        assertTrue(iphone.text().contains("kept signed in"), iphone.text());
        assertTrue(iphone.text().matches(".*Logged in \\d{1,2} \\w+ \\d{4}, \\d{2}:\\d{2} · last used .*"), iphone.text());
        assertEquals(1, page.select("form[action=/account/sessions/end-others]").size());
    }

    @Test
    void endingOneSessionLogsOutThatDeviceOnly() {
        TestUser user = TestUser.registered();
        TestUser phone = device(user, FIREFOX_ANDROID, true);
        String phoneSession = sessionIdOf(phone);

        user.post("/account/sessions/" + phoneSession + "/end", Map.of()).then().statusCode(303)
                .header("Location", containsString("/account"));
        phone.get("/account").then().statusCode(302).header("Location", containsString("/login"));
        user.get("/account").then().statusCode(200).body(not(containsString("Firefox on Android")));
        // Ended already, another user's, or no number at all: the same 404.
        user.post("/account/sessions/" + phoneSession + "/end", Map.of()).then().statusCode(404);
        TestUser stranger = TestUser.registered();
        stranger.post("/account/sessions/" + sessionIdOf(user) + "/end", Map.of()).then().statusCode(404);
        stranger.post("/account/sessions/abc/end", Map.of()).then().statusCode(404);
        user.get("/account").then().statusCode(200);
    }

    @Test
    void endingThisSessionLogsOutHere() {
        TestUser user = TestUser.registered();
        TestUser phone = device(user, FIREFOX_ANDROID, false);
        user.post("/account/sessions/" + sessionIdOf(user) + "/end", Map.of()).then().statusCode(303)
                .header("Location", containsString("/login"));
        user.get("/account").then().statusCode(302);
        phone.get("/account").then().statusCode(200);
    }

    @Test
    void endingAllOthersKeepsOnlyThisDevice() {
        TestUser user = TestUser.registered();
        TestUser phone = device(user, FIREFOX_ANDROID, true);
        TestUser tablet = device(user, SAFARI_IPHONE, false);
        user.post("/account/sessions/end-others", Map.of()).then().statusCode(303);
        phone.get("/account").then().statusCode(302).header("Location", containsString("/login"));
        tablet.get("/journal").then().statusCode(302).header("Location", containsString("/login"));
        Document page = Jsoup.parse(user.get("/account").then().statusCode(200).extract().asString());
        assertEquals(1, page.select("[data-session]").size());
        assertEquals(0, page.select("form[action=/account/sessions/end-others]").size());
    }

    @Test
    void aSessionEndedInTheDatabaseByAnotherInstanceIsRefusedOnTheNextRequest() {
        TestUser user = TestUser.registered();
        user.get("/account").then().statusCode(200);
        int ended = PlainSql.query(dataSource, "UPDATE user_session SET ended_at = now() WHERE user_id = "
                + "(SELECT id FROM app_user WHERE email = :email) AND ended_at IS NULL RETURNING id",
                Map.of("email", user.email), rows -> {
                    int n = 0;
                    while (rows.next()) {
                        n++;
                    }
                    return n;
                });
        assertEquals(1, ended);
        user.get("/account").then().statusCode(302).header("Location", containsString("/login"));
    }

    @Test
    void aPasswordChangeEndsEverySessionRow() {
        TestUser user = TestUser.registered();
        device(user, FIREFOX_ANDROID, true);
        user.post("/account/password", Map.of("currentPassword", TestUser.PASSWORD, "newPassword",
                "another long walk by the sea", "confirmPassword", "another long walk by the sea")).then().statusCode(303);
        long open = PlainSql.query(dataSource, "SELECT count(*) FROM user_session WHERE user_id = "
                + "(SELECT id FROM app_user WHERE email = :email) AND ended_at IS NULL", Map.of("email", user.email),
                rows -> {
                    rows.next();
                    return rows.getLong(1);
                });
        assertEquals(0, open);
    }

    @Test
    void keepMeSignedInMakesTheCookieOutliveTheBrowserForAWeek() {
        TestUser user = TestUser.registered();
        Response remembered = logIn(user.email, FIREFOX_ANDROID, true);
        Cookie kept = remembered.getDetailedCookie("heavylegs-session");
        assertNotNull(kept);
        assertEquals(7 * 24 * 3600, kept.getMaxAge());
        assertTrue(kept.isHttpOnly());

        Cookie plain = logIn(user.email, FIREFOX_ANDROID, false).getDetailedCookie("heavylegs-session");
        assertNotNull(plain);
        assertEquals(-1, plain.getMaxAge(), "without remember=on the cookie ends with the browser");
        TestUser.anonymous().get("/login").then().body(containsString("name=\"remember\""));
    }

    /** A second login of the same user from another browser. */
    private static TestUser device(TestUser user, String userAgent, boolean remember) {
        Response response = logIn(user.email, userAgent, remember);
        response.then().statusCode(302).header("Location", containsString("/journal"));
        TestUser device = TestUser.anonymous();
        Map<String, String> cookies = new HashMap<>(response.getCookies());
        device.useCookies(cookies);
        return device;
    }

    private static Response logIn(String email, String userAgent, boolean remember) {
        var spec = given().redirects().follow(false).header("User-Agent", userAgent)
                .header("X-Forwarded-For", "100.64." + (int) (Math.random() * 250) + "." + (int) (1 + Math.random() * 250))
                .formParam("j_username", email).formParam("j_password", TestUser.PASSWORD);
        if (remember) {
            spec.formParam("remember", "on");
        }
        return spec.post("/j_security_check");
    }

    private static String sessionIdOf(TestUser device) {
        Document page = Jsoup.parse(device.get("/account").then().statusCode(200).extract().asString());
        return page.selectFirst("[data-this-device]").attr("data-session");
    }
}
