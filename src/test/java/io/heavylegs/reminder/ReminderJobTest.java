package io.heavylegs.reminder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.heavylegs.codes.Factor;
import io.heavylegs.codes.Side;
import io.heavylegs.codes.Symptom;
import io.heavylegs.journal.EntryValues;
import io.heavylegs.journal.JournalFixtures;
import io.heavylegs.support.MailProfile;
import io.heavylegs.support.MovableClock;
import io.heavylegs.support.SmtpServer;
import io.heavylegs.support.TestUser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The daily reminder over a real SMTP server, at moved times: each user's own zone, a day with a clock change, two
 * job runs racing (as two app instances would), and every reason for no mail.
 */
@QuarkusTest
@TestProfile(MailProfile.class)
class ReminderJobTest {

    /** What only reminders carry: the confirmation mail of the registration does not. */
    private static final String REMINDER = "/reminders/unsubscribe/";

    @Inject
    ReminderJob job;

    @Inject
    JournalFixtures journal;

    @Inject
    EntityManager entities;

    @AfterEach
    void backToNow() {
        MovableClock.reset();
    }

    @Test
    void eachZoneIsRemindedAtItsOwnTimeAndTwoRacingRunsSendOneMail() throws Exception {
        TestUser berlin = reminded("Europe/Berlin", "20:00");
        TestUser losAngeles = reminded("America/Los_Angeles", "20:00");

        // 19:59 in Berlin (CET, UTC+1), 10:59 in Los Angeles (PST, UTC-8): nobody yet
        runAt("2027-01-12T18:59:00Z");
        // 20:01 in Berlin
        race("2027-01-12T19:01:00Z");
        // 20:01 in Los Angeles, still 12 January there, already 13 January in UTC and Berlin
        race("2027-01-13T04:01:00Z");

        assertEquals(1, remindersTo(berlin).size());
        assertEquals(1, remindersTo(losAngeles).size());
        assertEquals(List.of(LocalDate.of(2027, 1, 12)), claimedDays(berlin));
        assertEquals(List.of(LocalDate.of(2027, 1, 12)), claimedDays(losAngeles), "the local day, not UTC's");
    }

    @Test
    void manyUsersRacedByTwoRunsGetExactlyOneMailEach() throws Exception {
        List<TestUser> users = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            users.add(reminded(i % 2 == 0 ? "Europe/Berlin" : "America/Los_Angeles", "07:30"));
        }
        // 17:00 in Berlin, 08:00 in Los Angeles: everyone is due, two runs race for them
        int sent = race("2027-02-03T16:00:00Z");
        assertTrue(sent >= users.size(), "all of them were due: " + sent);
        // The next runs, a few minutes later, find nobody left for today
        race("2027-02-03T16:05:00Z");
        for (TestUser user : users) {
            assertEquals(1, SmtpServer.mailsTo(user.email, 1, REMINDER).size(), user.email);
            assertEquals(List.of(LocalDate.of(2027, 2, 3)), claimedDays(user));
        }
        for (TestUser user : users) {
            assertEquals(1, SmtpServer.mailsToAfterAPause(user.email, REMINDER).size(), "one, never two");
        }
    }

    @Test
    void theMailHoldsNoHealthDataOnlyTheLinks() throws Exception {
        TestUser user = reminded("Europe/Berlin", "20:00");
        user.post("/account/profile", profile("Europe/Berlin", "20:00", "Ana Secretname")).then().statusCode(303);
        journal.add(user, new EntryValues(LocalDate.of(2027, 4, 1), LocalTime.of(9, 15), 9, Side.LEFT,
                Set.of(Symptom.PALE_SKIN, Symptom.NUMBNESS), Set.of(Factor.VEGAN_DIET), "private note 4711"));
        runAt("2027-04-02T18:05:00Z");

        MimeMessage mail = SmtpServer.mailsTo(user.email, 1, REMINDER).get(0);
        assertEquals(ReminderMail.SUBJECT, mail.getSubject());
        String body = SmtpServer.body(mail);
        assertTrue(body.contains("/journal/new"), body);
        for (String health : List.of("private note", "4711", "Secretname", "pale", "numb", "vegan", "iron", "B12",
                "severity", "9/10", "symptom", "mark")) {
            assertFalse(body.toLowerCase().contains(health.toLowerCase()), "the mail says " + health + ":\n" + body);
        }
        String unsubscribe = SmtpServer.linkPath(mail, REMINDER);
        assertEquals("<" + "http://localhost:8080" + unsubscribe + ">", mail.getHeader("List-Unsubscribe")[0]);
        assertEquals("auto-generated", mail.getHeader("Auto-Submitted")[0]);
        // RFC 8058: the provider may POST this body to the List-Unsubscribe link itself (ReminderResourceTest)
        assertEquals("List-Unsubscribe=One-Click", mail.getHeader("List-Unsubscribe-Post")[0]);
    }

    @Test
    void whenBerlinSpringsForwardTheReminderComesAtTheLocalTime() {
        // Berlin springs forward on 28 March 2027 at 02:00 (to 03:00): 20:00 is then 18:00 UTC, not 19:00
        TestUser evening = reminded("Europe/Berlin", "20:00");
        // 02:30 does not exist that night: it is due from 03:00 on
        TestUser skipped = reminded("Europe/Berlin", "02:30");
        runAt("2027-03-28T00:59:00Z"); // 01:59 CET
        assertEquals(List.of(), claimedDays(skipped));
        runAt("2027-03-28T01:01:00Z"); // 03:01 CEST
        assertEquals(List.of(LocalDate.of(2027, 3, 28)), claimedDays(skipped));
        runAt("2027-03-28T17:59:00Z"); // 19:59 CEST
        assertEquals(List.of(), claimedDays(evening));
        runAt("2027-03-28T18:01:00Z"); // 20:01 CEST; in winter time it would still be 19:01
        assertEquals(List.of(LocalDate.of(2027, 3, 28)), claimedDays(evening));
        assertEquals(1, remindersTo(evening).size());
        assertEquals(1, remindersTo(skipped).size());
    }

    @Test
    void whenBerlinFallsBackATimeThatHappensTwiceSendsOnce() {
        // Berlin falls back on 31 October 2027 at 03:00 (to 02:00): 02:30 happens twice
        TestUser twice = reminded("Europe/Berlin", "02:30");
        runAt("2027-10-31T00:29:00Z"); // 02:29 CEST
        assertEquals(List.of(), claimedDays(twice));
        runAt("2027-10-31T00:31:00Z"); // 02:31 CEST
        runAt("2027-10-31T01:31:00Z"); // 02:31 CET
        assertEquals(List.of(LocalDate.of(2027, 10, 31)), claimedDays(twice));
        assertEquals(1, remindersTo(twice).size());
    }

    @Test
    void whenLosAngelesSpringsForwardTheReminderComesAtTheLocalTime() {
        // Los Angeles springs forward on 14 March 2027: 20:00 PDT is 03:00 UTC the next day (04:00 in winter)
        TestUser west = reminded("America/Los_Angeles", "20:00");
        runAt("2027-03-15T02:59:00Z"); // 19:59 PDT
        assertEquals(List.of(), claimedDays(west));
        runAt("2027-03-15T03:01:00Z"); // 20:01 PDT
        assertEquals(List.of(LocalDate.of(2027, 3, 14)), claimedDays(west));
        assertEquals(1, remindersTo(west).size());
    }

    @Test
    void noMailOnADayWithAnEntryToAnUnconfirmedAddressOrWithoutAReminderTime() throws Exception {
        TestUser loggedToday = reminded("Europe/Berlin", "08:00");
        journal.add(loggedToday, LocalDate.of(2027, 5, 10), 3);
        TestUser unconfirmed = TestUser.registered();
        unconfirmed.post("/account/profile", profile("Europe/Berlin", "08:00", "")).then().statusCode(303);
        TestUser noReminder = reminded("Europe/Berlin", "");
        unconfirmed.get("/account").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("data-reminder=\"address-not-confirmed\""));
        loggedToday.get("/account").then().statusCode(200)
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("data-reminder=")));

        runAt("2027-05-10T12:00:00Z");
        assertEquals(List.of(), claimedDays(loggedToday));
        assertEquals(List.of(), claimedDays(unconfirmed));
        assertEquals(List.of(), claimedDays(noReminder));
        // The next day has no entry: the reminder comes, which shows the rule, not a broken job, kept it away
        runAt("2027-05-11T12:00:00Z");
        assertEquals(List.of(LocalDate.of(2027, 5, 11)), claimedDays(loggedToday));
        assertEquals(1, SmtpServer.mailsTo(loggedToday.email, 1, REMINDER).size());
        assertEquals(List.of(), SmtpServer.mailsToAfterAPause(unconfirmed.email, REMINDER));
        assertEquals(List.of(), SmtpServer.mailsToAfterAPause(noReminder.email, REMINDER));
    }

    /** Runs the job once at the given time and answers how many it sent. */
    private int runAt(String instant) {
        MovableClock.travelTo(Instant.parse(instant));
        return job.sendDue();
    }

    /** Two job runs at once, as two app instances would: answers how many mails they sent together. */
    private int race(String instant) throws Exception {
        MovableClock.travelTo(Instant.parse(instant));
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return job.sendDue();
                }));
            }
            int sent = 0;
            for (Future<Integer> run : runs) {
                sent += run.get();
            }
            return sent;
        } finally {
            pool.shutdown();
        }
    }

    /** A new account with a confirmed address and the given zone and reminder time ("" for none). */
    static TestUser reminded(String zone, String time) {
        TestUser user = TestUser.registered();
        confirm(user);
        user.post("/account/profile", profile(zone, time, "")).then().statusCode(303);
        return user;
    }

    /** Follows the confirmation link of the registration mail, as the user would. */
    static void confirm(TestUser user) {
        String link = SmtpServer.linkPath(SmtpServer.mailsTo(user.email, 1, "/account/confirm/").get(0),
                "/account/confirm/");
        TestUser.anonymous().get(link).then().statusCode(303);
    }

    static Map<String, Object> profile(String zone, String time, String name) {
        Map<String, Object> form = new HashMap<>();
        form.put("name", name);
        form.put("birthDate", "");
        form.put("timeZone", zone);
        form.put("reminderTime", time);
        return form;
    }

    private List<MimeMessage> remindersTo(TestUser user) {
        SmtpServer.mailsTo(user.email, 1, REMINDER);
        return SmtpServer.mailsToAfterAPause(user.email, REMINDER);
    }

    @SuppressWarnings("unchecked")
    private List<LocalDate> claimedDays(TestUser user) {
        return QuarkusTransaction.requiringNew().call(() -> ((List<Object>) entities.createNativeQuery(
                "SELECT r.local_date FROM reminder_sent r JOIN app_user u ON u.id = r.user_id WHERE u.email = :email "
                        + "ORDER BY r.local_date").setParameter("email", user.email).getResultList()).stream()
                .map(day -> day instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) day).toList());
    }
}
