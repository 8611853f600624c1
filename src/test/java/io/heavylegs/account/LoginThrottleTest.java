package io.heavylegs.account;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.transaction.Transactional;

import org.junit.jupiter.api.Test;

import io.heavylegs.support.TestUser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class LoginThrottleTest {

    private static final String WRONG = "not the password at all";

    @TestHTTPResource("/j_security_check")
    URI login;

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

    /** 50 wrong passwords at once, as a script would send them; answers each one's status. */
    private List<Integer> concurrently(int count, java.util.function.IntFunction<String[]> emailAndAddress)
            throws Exception {
        // HTTP/1.1 as a browser speaks it to a plain-http site (the JDK client would otherwise upgrade to h2c)
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        ExecutorService pool = Executors.newFixedThreadPool(count);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String[] who = emailAndAddress.apply(i);
                HttpRequest request = HttpRequest.newBuilder(login)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("X-Forwarded-For", who[1])
                        .POST(HttpRequest.BodyPublishers.ofString("j_username="
                                + URLEncoder.encode(who[0], StandardCharsets.UTF_8) + "&j_password="
                                + URLEncoder.encode(WRONG, StandardCharsets.UTF_8)))
                        .build();
                answers.add(pool.submit(() -> {
                    start.await();
                    return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(120, TimeUnit.SECONDS));
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    private static String someAddress(int i) {
        return "100." + (64 + i % 64) + "." + ThreadLocalRandom.current().nextInt(256) + "." + (1 + i % 254);
    }

    @Test
    void fiftyConcurrentAttemptsOnOneAccountLetFiveThrough() throws Exception {
        TestUser user = TestUser.registered();
        List<Integer> statuses = concurrently(50, i -> new String[] {user.email, someAddress(i)});
        assertEquals(5, statuses.stream().filter(s -> s == 302).count(), statuses.toString());
        assertEquals(45, statuses.stream().filter(s -> s == 429).count(), statuses.toString());
        attempt(TestUser.anonymous(), user.email, TestUser.PASSWORD).then().statusCode(429);
    }

    @Test
    void fiftyConcurrentAttemptsFromOneAddressLetTwentyThrough() throws Exception {
        String address = "100.127." + ThreadLocalRandom.current().nextInt(256) + "." + ThreadLocalRandom.current()
                .nextInt(1, 255);
        List<Integer> statuses = concurrently(50,
                i -> new String[] {"sprayed-" + i + "-" + UUID.randomUUID() + "@example.org", address});
        assertEquals(20, statuses.stream().filter(s -> s == 302).count(), statuses.toString());
        assertEquals(30, statuses.stream().filter(s -> s == 429).count(), statuses.toString());
    }

    @Test
    void anUnknownEmailTakesAsLongAsAWrongPassword() {
        List<TestUser> accounts = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            accounts.add(TestUser.registered());
        }
        // Warm up both paths, then interleave them so that load on the machine falls on both alike
        attempt(TestUser.anonymous(), "warm-" + UUID.randomUUID() + "@example.org", WRONG);
        long known = 0;
        long unknown = 0;
        for (int i = 0; i < 50; i++) {
            TestUser account = accounts.get(i / 5);
            long start = System.nanoTime();
            attempt(TestUser.anonymous(), account.email, WRONG).then().statusCode(302);
            known += System.nanoTime() - start;
            start = System.nanoTime();
            attempt(TestUser.anonymous(), "nobody-" + UUID.randomUUID() + "@example.org", WRONG).then()
                    .statusCode(302);
            unknown += System.nanoTime() - start;
        }
        double knownMs = known / 50 / 1e6;
        double unknownMs = unknown / 50 / 1e6;
        String means = String.format(java.util.Locale.ROOT, "wrong password %.1f ms, unknown email %.1f ms",
                knownMs, unknownMs);
        System.out.println("Login timing over 50 tries each: " + means);
        // bcrypt at cost 12 is most of either; skipping it for unknown emails would make them several times faster
        assertTrue(unknownMs > knownMs * 0.75 && unknownMs < knownMs * 1.33, means);
    }

    @Test
    void theThrottlePageIsInTheLayout() {
        TestUser.anonymous().get("/login/too-many-attempts").then().statusCode(429)
                .body(containsString("class=\"site-header\""))
                .body(not(containsString("Exception")));
        assertEquals(429, TestUser.anonymous().get("/login/too-many-attempts").statusCode());
    }
}
