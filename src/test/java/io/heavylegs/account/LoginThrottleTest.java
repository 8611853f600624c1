package io.heavylegs.account;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.transaction.Transactional;

import org.junit.jupiter.api.Test;

import io.heavylegs.support.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class LoginThrottleTest {

    private static final String WRONG = "not the password at all";

    private static Response attempt(TestUser client, String email, String password) {
        return client.request().formParam("j_username", email).formParam("j_password", password)
                .post("/j_security_check");
    }

    private static void failTimes(int times, TestUser client, String email) {
        for (int i = 0; i < times; i++) {
            attempt(client, email, WRONG).then().statusCode(302).header("Location", containsString("/login?error"));
        }
    }

    @Test
    void fiveFailuresForAnAccountRefuseEvenTheRightPasswordWith429() {
        TestUser user = TestUser.registered();
        failTimes(5, TestUser.anonymous(), user.email);
        Response refused = attempt(TestUser.anonymous(), user.email, TestUser.PASSWORD);
        refused.then().statusCode(429)
                .header("Retry-After", "900")
                .body(containsString("Too many attempts"))
                .body(containsString("data-error-for=\"j_username\""));
        assertFalse(refused.getCookies().containsKey("heavylegs-session"));
    }

    @Test
    void fourFailuresStillLetTheOwnerIn() {
        TestUser user = TestUser.registered();
        failTimes(4, TestUser.anonymous(), user.email);
        attempt(TestUser.anonymous(), user.email, TestUser.PASSWORD)
                .then().statusCode(302).header("Location", endsWith("/journal"));
    }

    @Test
    void emailsAreCountedNormalised() {
        TestUser user = TestUser.registered();
        for (int i = 0; i < 5; i++) {
            attempt(TestUser.anonymous(), i % 2 == 0 ? user.email.toUpperCase() : " " + user.email, WRONG);
        }
        attempt(TestUser.anonymous(), user.email, TestUser.PASSWORD).then().statusCode(429);
    }

    @Test
    void anUnknownEmailGetsTheSameAnswers() {
        String unknown = "nobody-" + UUID.randomUUID() + "@example.org";
        failTimes(5, TestUser.anonymous(), unknown);
        attempt(TestUser.anonymous(), unknown, WRONG).then().statusCode(429)
                .body(containsString("Too many attempts"));
    }

    @Test
    void twentyFailuresFromOneAddressRefuseThatAddress() {
        TestUser attacker = TestUser.anonymous();
        for (int i = 0; i < 20; i++) {
            attempt(attacker, "victim-" + i + "-" + UUID.randomUUID() + "@example.org", WRONG)
                    .then().statusCode(302);
        }
        TestUser user = TestUser.registered();
        attempt(attacker, user.email, TestUser.PASSWORD).then().statusCode(429);
        attempt(TestUser.anonymous(), user.email, TestUser.PASSWORD).then().statusCode(302)
                .header("Location", endsWith("/journal"));
    }

    @Test
    void theBlockEndsOnceTheFailuresLeaveTheWindow() {
        TestUser user = TestUser.registered();
        failTimes(5, TestUser.anonymous(), user.email);
        attempt(TestUser.anonymous(), user.email, TestUser.PASSWORD).then().statusCode(429);
        // Refused attempts do not count, so an attacker who keeps trying cannot keep the owner out
        for (int i = 0; i < 10; i++) {
            attempt(TestUser.anonymous(), user.email, WRONG).then().statusCode(429);
        }
        ageAttempts(user.email, 16);
        attempt(TestUser.anonymous(), user.email, TestUser.PASSWORD).then().statusCode(302)
                .header("Location", endsWith("/journal"));
    }

    @Transactional
    void ageAttempts(String email, int minutes) {
        LoginAttempt.<LoginAttempt> list("emailHash", LoginThrottle.emailHash(User.normalizeEmail(email)))
                .forEach(attempt -> attempt.attemptedAt = attempt.attemptedAt.minus(Duration.ofMinutes(minutes)));
    }

    @Test
    void attemptsAreAuditedWithAddressAndOutcomeButNeverThePasswordOrEmail() {
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger audit = Logger.getLogger("io.heavylegs.audit");
        audit.addHandler(capture);
        try {
            TestUser user = TestUser.registered();
            attempt(user, user.email, WRONG);
            failTimes(4, user, user.email);
            attempt(user, user.email, WRONG).then().statusCode(429);
            String log = records.stream().map(r -> r.getMessage() + " " + java.util.Arrays.toString(r.getParameters()))
                    .reduce("", (a, b) -> a + "\n" + b);
            List<String> lines = records.stream().map(this::format).toList();
            assertTrue(lines.stream().anyMatch(l -> l.contains("outcome=success") && l.contains(user.address())),
                    log);
            assertTrue(lines.stream().anyMatch(l -> l.contains("outcome=failure") && l.contains(user.address())),
                    log);
            assertTrue(lines.stream().anyMatch(l -> l.contains("outcome=refused") && l.contains(user.address())),
                    log);
            assertTrue(lines.stream().noneMatch(l -> l.contains(WRONG) || l.contains(TestUser.PASSWORD)), log);
            assertTrue(lines.stream().noneMatch(l -> l.contains(user.email)), log);
        } finally {
            audit.removeHandler(capture);
        }
    }

    private String format(LogRecord record) {
        Object[] parameters = record.getParameters();
        return parameters == null ? record.getMessage() : String.format(record.getMessage(), parameters);
    }

    @Test
    void theThrottlePageIsInTheLayout() {
        TestUser.anonymous().get("/login/too-many-attempts").then().statusCode(429)
                .body(containsString("class=\"site-header\""))
                .body(not(containsString("Exception")));
        assertEquals(429, TestUser.anonymous().get("/login/too-many-attempts").statusCode());
    }
}
