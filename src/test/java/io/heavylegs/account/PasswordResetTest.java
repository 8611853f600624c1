package io.heavylegs.account;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import io.heavylegs.database.PlainSql;
import io.heavylegs.support.MailProfile;
import io.heavylegs.support.SmtpServer;
import io.heavylegs.support.TestUser;
import io.heavylegs.web.Sha256;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * Password reset by e-mail against a real SMTP server in the test JVM: the mail is received over SMTP, its link
 * followed, and the link works once, expires, ends every session, and is throttled.
 */
@QuarkusTest
@TestProfile(MailProfile.class)
class PasswordResetTest {

    private static final String NEW_PASSWORD = "a fresh path through the meadow";

    @Inject
    DataSource dataSource;

    @Test
    void aKnownAndAnUnknownAddressGetTheSameAnswerAndOnlyTheKnownOneAMail() {
        TestUser user = TestUser.registered();
        String unknown = "nobody-" + UUID.randomUUID() + "@example.org";
        Response forUnknown = TestUser.anonymous().post("/password-reset", Map.of("email", unknown));
        Response forKnown = TestUser.anonymous().post("/password-reset", Map.of("email", user.email.toUpperCase()));

        for (Response response : List.of(forUnknown, forKnown)) {
            response.then().statusCode(303).header("Location", containsString("/password-reset/sent"));
        }
        assertEquals(forKnown.asString(), forUnknown.asString());
        assertEquals(1, SmtpServer.resetMailsTo(user.email, 1).size());
        assertTrue(SmtpServer.resetMailsToAfterAPause(unknown).isEmpty(), "no mail for an unknown address");
        TestUser.anonymous().get("/password-reset/sent").then().statusCode(200)
                .header("Cache-Control", containsString("no-store"))
                .body(containsString("If an account exists for the address you typed"));
    }

    @Test
    void theMailedLinkSetsANewPasswordOnceAndEndsEverySession() {
        TestUser user = TestUser.registered();
        Map<String, String> otherDevice = TestUser.registeredCookiesOf(user);
        Map<String, String> thisDevice = user.cookies();

        String link = resetLinkFor(user);
        assertTrue(link.matches("/password-reset/[A-Za-z0-9_-]{43}"), link);
        TestUser anyone = TestUser.anonymous();
        anyone.get(link).then().statusCode(200).header("Cache-Control", containsString("no-store"))
                .body(containsString("Choose a new password"));

        // A refused form keeps the link usable.
        anyone.post(link, Map.of("password", NEW_PASSWORD, "confirmPassword", "something else entirely"))
                .then().statusCode(400).body(containsString("data-error-for=\"confirmPassword\""));
        anyone.post(link, Map.of("password", "password1234", "confirmPassword", "password1234"))
                .then().statusCode(400).body(containsString("data-error-for=\"password\""));

        anyone.post(link, Map.of("password", NEW_PASSWORD, "confirmPassword", NEW_PASSWORD))
                .then().statusCode(303).header("Location", containsString("/login"));

        for (Map<String, String> cookies : List.of(thisDevice, otherDevice)) {
            user.useCookies(cookies);
            user.get("/account").then().statusCode(302).header("Location", containsString("/login"));
        }
        user.useCookies(Map.of());
        user.logIn(TestUser.PASSWORD).then().header("Location", containsString("error"));
        user.logIn(NEW_PASSWORD).then().statusCode(302).header("Location", containsString("/journal"));
        user.get("/account").then().statusCode(200);

        // Twice: the same 404 as an unknown link, for the page and for the form.
        anyone.get(link).then().statusCode(404);
        anyone.post(link, Map.of("password", "yet another long password", "confirmPassword",
                "yet another long password")).then().statusCode(404);
        user.useCookies(Map.of());
        user.logIn(NEW_PASSWORD).then().header("Location", containsString("/journal"));
    }

    @Test
    void anExpiredLinkIsTheSame404AsAnUnknownOne() {
        TestUser user = TestUser.registered();
        String link = resetLinkFor(user);
        String token = link.substring(link.lastIndexOf('/') + 1);
        int changed = PlainSql.query(dataSource,
                "UPDATE mail_token SET expires_at = now() - interval '1 second' WHERE token_hash = :hash RETURNING 1",
                Map.of("hash", Sha256.hex(token)), rows -> rows.next() ? 1 : 0);
        assertEquals(1, changed);

        TestUser anyone = TestUser.anonymous();
        String expiredPage = anyone.get(link).then().statusCode(404).extract().asString();
        anyone.post(link, Map.of("password", NEW_PASSWORD, "confirmPassword", NEW_PASSWORD)).then().statusCode(404);
        String unknownPage = anyone.get("/password-reset/" + "A".repeat(43)).then().statusCode(404).extract().asString();
        anyone.get("/password-reset/not-a-token").then().statusCode(404);
        assertEquals(stripTokens(unknownPage), stripTokens(expiredPage));
        user.useCookies(Map.of());
        user.logIn(TestUser.PASSWORD).then().header("Location", containsString("/journal"));
    }

    @Test
    void onlyTheNewestLinkWorksAfterAReset() {
        TestUser user = TestUser.registered();
        String first = resetLinkFor(user);
        TestUser.anonymous().post("/password-reset", Map.of("email", user.email)).then().statusCode(303);
        List<MimeMessage> mails = SmtpServer.resetMailsTo(user.email, 2);
        String second = SmtpServer.linkPath(mails.get(1), "/password-reset/");
        TestUser.anonymous().post(second, Map.of("password", NEW_PASSWORD, "confirmPassword", NEW_PASSWORD))
                .then().statusCode(303);
        TestUser.anonymous().get(first).then().statusCode(404);
    }

    @Test
    void resetMailsAreThrottledPerAccount() {
        TestUser user = TestUser.registered();
        for (int i = 0; i < PasswordResets.MAX_MAILS_PER_ACCOUNT + 2; i++) {
            // From different addresses: the account's own limit holds wherever the requests come from.
            TestUser.anonymous().post("/password-reset", Map.of("email", user.email)).then().statusCode(303)
                    .header("Location", containsString("/password-reset/sent"));
        }
        assertEquals(PasswordResets.MAX_MAILS_PER_ACCOUNT,
                SmtpServer.resetMailsTo(user.email, PasswordResets.MAX_MAILS_PER_ACCOUNT).size());
        assertEquals(PasswordResets.MAX_MAILS_PER_ACCOUNT, SmtpServer.resetMailsToAfterAPause(user.email).size());
    }

    @Test
    void resetRequestsAreThrottledPerClientAddress() {
        TestUser user = TestUser.registered();
        TestUser sameNetwork = TestUser.anonymous();
        for (int i = 0; i < PasswordResets.MAX_REQUESTS_PER_ADDRESS; i++) {
            sameNetwork.post("/password-reset", Map.of("email", "probe-" + i + "-" + UUID.randomUUID() + "@example.org"))
                    .then().statusCode(303);
        }
        sameNetwork.post("/password-reset", Map.of("email", user.email)).then().statusCode(303)
                .header("Location", containsString("/password-reset/sent"));
        assertTrue(SmtpServer.resetMailsToAfterAPause(user.email).isEmpty(), "the 11th request from one address sends nothing");

        TestUser.anonymous().post("/password-reset", Map.of("email", user.email)).then().statusCode(303);
        assertEquals(1, SmtpServer.resetMailsTo(user.email, 1).size(), "another address still can");
    }

    @Test
    void theMailHoldsTheLinkAndNothingElseOfTheAccount() throws Exception {
        TestUser user = TestUser.registered();
        TestUser.anonymous().post("/password-reset", Map.of("email", user.email)).then().statusCode(303);
        MimeMessage mail = SmtpServer.resetMailsTo(user.email, 1).get(0);
        assertEquals("Reset your HeavyLegs password", mail.getSubject());
        String body = SmtpServer.body(mail);
        assertTrue(body.contains("http://localhost:8080/password-reset/"), body);
        assertTrue(body.contains("30 minutes"), body);
    }

    @Test
    void theLoginPageLinksToTheReset() {
        TestUser.anonymous().get("/login").then().statusCode(200)
                .body(containsString("href=\"/password-reset\""));
        TestUser.anonymous().get("/password-reset").then().statusCode(200)
                .header("Cache-Control", containsString("no-store"))
                .body(containsString("name=\"email\""));
    }

    private static String resetLinkFor(TestUser user) {
        TestUser.anonymous().post("/password-reset", Map.of("email", user.email)).then().statusCode(303);
        List<MimeMessage> mails = SmtpServer.resetMailsTo(user.email, 1);
        assertEquals(1, mails.size(), "one reset mail for " + user.email);
        return SmtpServer.linkPath(mails.get(0), "/password-reset/");
    }

    private static String stripTokens(String page) {
        return page.replaceAll("value=\"[^\"]+\"", "");
    }
}
