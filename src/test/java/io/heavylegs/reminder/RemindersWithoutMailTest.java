package io.heavylegs.reminder;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.heavylegs.account.Mailbox;
import io.heavylegs.support.MovableClock;
import io.heavylegs.support.NoMailProfile;
import io.heavylegs.support.TestUser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** No mail server (an external database without QUARKUS_MAILER_HOST): the job does nothing and says so once. */
@QuarkusTest
@TestProfile(NoMailProfile.class)
class RemindersWithoutMailTest {

    @Inject
    ReminderJob job;

    @Inject
    Mailbox mailbox;

    @Inject
    EntityManager entities;

    @AfterEach
    void backToNow() {
        MovableClock.reset();
    }

    @Test
    void theJobSendsNothingClaimsNothingAndLogsOnce() {
        assertEquals(Mailbox.Delivery.OFF, mailbox.delivery());
        TestUser user = TestUser.registered();
        user.post("/account/profile", ReminderJobTest.profile("Europe/Berlin", "08:00", "")).then().statusCode(303);
        user.get("/account").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("data-reminder=\"mail-not-set-up\""));
        // Confirmed some other way (a password reset from before the mail server went away)
        QuarkusTransaction.requiringNew().run(() -> entities.createNativeQuery(
                "UPDATE app_user SET email_confirmed_at = now() WHERE email = :email")
                .setParameter("email", user.email).executeUpdate());

        List<String> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(ReminderJob.class.getName());
        logger.addHandler(capture);
        try {
            MovableClock.travelTo(Instant.parse("2027-01-12T12:00:00Z"));
            for (int run = 0; run < 3; run++) {
                assertEquals(0, job.sendDue());
            }
        } finally {
            logger.removeHandler(capture);
        }
        assertEquals(1, lines.stream().filter(line -> line.contains("e-mail is not set up")).count(), lines.toString());
        assertEquals(0L, ((Number) QuarkusTransaction.requiringNew().call(() -> entities.createNativeQuery(
                "SELECT count(*) FROM reminder_sent r JOIN app_user u ON u.id = r.user_id WHERE u.email = :email")
                .setParameter("email", user.email).getSingleResult())).longValue());
    }
}
