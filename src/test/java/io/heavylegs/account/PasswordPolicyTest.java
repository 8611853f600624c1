package io.heavylegs.account;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.heavylegs.support.TestUser;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PasswordPolicyTest {

    @Inject
    PasswordPolicy policy;

    private static Map<String, String> registration(String password) {
        return Map.of("email", "p-" + UUID.randomUUID() + "@example.org", "password", password,
                "confirmPassword", password);
    }

    @Test
    void bundlesAtLeastTenThousandCommonPasswords() {
        assertTrue(policy.commonPasswordCount() >= 10_000, "count " + policy.commonPasswordCount());
        assertTrue(policy.isCommon("password"));
        assertTrue(policy.isCommon("QWERTY123456"));
        assertFalse(policy.isCommon(TestUser.PASSWORD));
    }

    @Test
    void registrationRefusesACommonPasswordOfAnyLength() {
        for (String common : new String[] { "1qaz2wsx3edc", "qwerty123456", "LeaveMeAlone" }) {
            TestUser.anonymous().post("/register", registration(common)).then().statusCode(400)
                    .body(containsString("data-error-for=\"password\""))
                    .body(containsString("most common"));
        }
    }

    @Test
    void registrationRefusesMoreThan72BytesWithAClearMessage() {
        String seventyFourBytes = "ü".repeat(37);
        TestUser.anonymous().post("/register", registration(seventyFourBytes)).then().statusCode(400)
                .body(containsString("data-error-for=\"password\""))
                .body(containsString("72 bytes"));
    }

    @Test
    void seventyTwoBytesAreFine() {
        String seventyTwoBytes = "ü".repeat(36);
        assertTrue(seventyTwoBytes.getBytes(StandardCharsets.UTF_8).length == 72);
        TestUser.anonymous().post("/register", registration(seventyTwoBytes)).then().statusCode(303);
    }

    @Test
    void passwordsAreHashedWithBcryptCost12() {
        assertTrue(AccountService.BCRYPT_COST == 12);
        TestUser user = TestUser.registered();
        assertTrue(hashOf(user.email).startsWith("$2a$12$") || hashOf(user.email).startsWith("$2b$12$")
                || hashOf(user.email).startsWith("$2y$12$"), hashOf(user.email));
    }

    /** The hash an unknown email is compared with is written in the source: it must cost what a stored one costs. */
    @Test
    void theUnknownAccountHashIsAValidBcryptHashAtTheSameCost() {
        assertTrue(AccountService.UNKNOWN_USER_HASH.startsWith("$2a$" + AccountService.BCRYPT_COST + "$"),
                AccountService.UNKNOWN_USER_HASH);
        assertTrue(io.quarkus.elytron.security.common.BcryptUtil.matches("no such account",
                AccountService.UNKNOWN_USER_HASH));
        assertFalse(io.quarkus.elytron.security.common.BcryptUtil.matches(TestUser.PASSWORD,
                AccountService.UNKNOWN_USER_HASH));
    }

    @jakarta.transaction.Transactional
    String hashOf(String email) {
        return User.findByEmail(email).orElseThrow().passwordHash;
    }
}
