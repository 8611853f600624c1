package io.heavylegs.reminder;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.heavylegs.account.Profile;
import io.heavylegs.journal.JournalFixtures;
import io.heavylegs.support.MailProfile;
import io.heavylegs.support.MovableClock;
import io.heavylegs.support.SmtpServer;
import io.heavylegs.support.TestUser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The unsubscribe link of a reminder mail: works without a session, asks before it stops, cannot be forged. */
@QuarkusTest
@TestProfile(MailProfile.class)
class ReminderResourceTest {

    private static final String REMINDER = "/reminders/unsubscribe/";
    private static final String ONE_CLICK = "List-Unsubscribe=One-Click";

    @Inject
    ReminderJob job;

    @Inject
    JournalFixtures journal;

    @Inject
    UnsubscribeLinks links;

    @AfterEach
    void backToNow() {
        MovableClock.reset();
    }

    @Test
    void theMailsLinkAsksThenStopsTheRemindersWithoutALogin() {
        TestUser user = ReminderJobTest.reminded("Europe/Berlin", "20:00");
        TestUser other = ReminderJobTest.reminded("Europe/Berlin", "20:00");
        MovableClock.travelTo(Instant.parse("2027-06-01T18:30:00Z"));
        job.sendDue();
        String link = SmtpServer.linkPath(SmtpServer.mailsTo(user.email, 1, REMINDER).get(0), REMINDER);

        TestUser mailClient = TestUser.anonymous();
        mailClient.get(link).then().statusCode(200).header("Cache-Control", containsString("no-store"))
                .body(containsString("Stop the daily reminders?"))
                .body(containsString("action=\"" + link + "\""));
        assertTrue(profileOf(user).wantsReminder(), "opening the link alone stops nothing (mail scanners open links)");

        mailClient.post(link, Map.of()).then().statusCode(303).header("Location", endsWith("/reminders/unsubscribed"));
        mailClient.get("/reminders/unsubscribed").then().statusCode(200)
                .body(containsString("data-reminders=\"stopped\""));
        assertFalse(profileOf(user).wantsReminder());
        assertTrue(profileOf(other).wantsReminder(), "only the link's own account");
        // Once more changes nothing and still answers
        mailClient.post(link, Map.of()).then().statusCode(303);

        MovableClock.travelTo(Instant.parse("2027-06-02T18:30:00Z"));
        job.sendDue();
        assertEquals(2, SmtpServer.mailsTo(other.email, 2, REMINDER).size(), "the other user's reminders go on");
        assertEquals(1, SmtpServer.mailsToAfterAPause(user.email, REMINDER).size(), "none after unsubscribing");
    }

    @Test
    void aLinkForAnotherAccountOrAnUnknownOneIsTheNotFoundPage() {
        TestUser victim = ReminderJobTest.reminded("Europe/Berlin", "20:00");
        TestUser attacker = TestUser.registered();
        long victimId = journal.ownerId(victim);
        long attackerId = journal.ownerId(attacker);
        String own = links.tokenFor(attackerId, attacker.email);
        String mac = own.substring(own.indexOf('.') + 1);

        List<String> forged = List.of(victimId + "." + mac, victimId + "." + "A".repeat(43),
                "0" + victimId + "." + mac, victimId + "." + mac.substring(1), "nonsense", victimId + ".",
                "99999999999999999999." + mac, links.tokenFor(victimId, attacker.email));
        for (String token : forged) {
            assertNotEquals(links.tokenFor(victimId, victim.email), token);
            TestUser.anonymous().get(REMINDER + token).then().statusCode(404);
            TestUser.anonymous().post(REMINDER + token, Map.of()).then().statusCode(404);
        }
        assertTrue(profileOf(victim).wantsReminder());
        // The attacker's own link works, for the attacker only
        TestUser.anonymous().get(REMINDER + own).then().statusCode(200);
    }

    @Test
    void withoutTheFormsTokenNothingIsStopped() {
        TestUser user = ReminderJobTest.reminded("Europe/Berlin", "20:00");
        String token = links.tokenFor(journal.ownerId(user), user.email);
        TestUser.anonymous().request().contentType("application/x-www-form-urlencoded").formParam("x", "1")
                .post(REMINDER + token).then().statusCode(org.hamcrest.Matchers.anyOf(
                        org.hamcrest.Matchers.is(400), org.hamcrest.Matchers.is(403)));
        assertTrue(profileOf(user).wantsReminder());
    }

    @Test
    void aMailProvidersOneClickPostStopsTheRemindersWithoutATokenAndAGetStillOnlyAsks() {
        TestUser user = ReminderJobTest.reminded("Europe/Berlin", "20:00");
        TestUser other = ReminderJobTest.reminded("Europe/Berlin", "20:00");
        String own = links.tokenFor(journal.ownerId(user), user.email);
        String link = REMINDER + own;

        given().redirects().follow(false).get(link).then().statusCode(200)
                .body(containsString("Stop the daily reminders?"));
        assertTrue(profileOf(user).wantsReminder(), "a GET only asks");

        String forged = REMINDER + journal.ownerId(other) + own.substring(own.indexOf('.'));
        oneClick(forged, ONE_CLICK).then().statusCode(404);
        String changed = own.substring(0, own.length() - 1) + (own.endsWith("A") ? "B" : "A");
        oneClick(REMINDER + changed, ONE_CLICK).then().statusCode(404);
        assertTrue(profileOf(other).wantsReminder(), "another account's id with this mac stops nothing");

        // Only exactly the RFC 8058 body, URL-encoded, goes without the CSRF token
        oneClick(link, "List-Unsubscribe=One-Clock").then().statusCode(400);
        oneClick(link, "List-Unsubscribe=One-Click&x=1").then().statusCode(400);
        oneClick(link, "").then().statusCode(400);
        given().redirects().follow(false).multiPart("List-Unsubscribe", "One-Click").post(link).then()
                .statusCode(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(400), org.hamcrest.Matchers.is(415)));
        given().redirects().follow(false).contentType("text/plain").body(ONE_CLICK).post(link).then()
                .statusCode(org.hamcrest.Matchers.greaterThanOrEqualTo(400));
        assertTrue(profileOf(user).wantsReminder(), "none of these stopped anything");

        // A browser on another site cannot send it either (web/CrossSiteRequests comes first)
        given().redirects().follow(false).header("Origin", "https://elsewhere.example")
                .contentType("application/x-www-form-urlencoded").body(ONE_CLICK).post(link).then().statusCode(403);
        assertTrue(profileOf(user).wantsReminder());

        oneClick(link, ONE_CLICK).then().statusCode(200).header("Cache-Control", containsString("no-store"));
        assertFalse(profileOf(user).wantsReminder(), "stopped");
        assertTrue(profileOf(other).wantsReminder(), "only the link's own account");
        oneClick(link, ONE_CLICK).then().statusCode(200); // again: still stopped, same answer
    }

    private static io.restassured.response.Response oneClick(String path, String body) {
        return given().redirects().follow(false).contentType("application/x-www-form-urlencoded").body(body)
                .post(path);
    }

    private Profile profileOf(TestUser user) {
        long id = journal.ownerId(user);
        return QuarkusTransaction.requiringNew().call(() -> Profile.forUser(id));
    }
}
