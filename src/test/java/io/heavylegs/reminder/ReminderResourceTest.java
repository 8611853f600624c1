package io.heavylegs.reminder;

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

    private Profile profileOf(TestUser user) {
        long id = journal.ownerId(user);
        return QuarkusTransaction.requiringNew().call(() -> Profile.forUser(id));
    }
}
