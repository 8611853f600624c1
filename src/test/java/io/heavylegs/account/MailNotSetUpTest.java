package io.heavylegs.account;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.heavylegs.support.NoMailProfile;
import io.heavylegs.support.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * An external database and no mail server: the reset pages say plainly that e-mail is not set up, and the
 * request still answers as always, sending nothing.
 */
@QuarkusTest
@TestProfile(NoMailProfile.class)
class MailNotSetUpTest {

    @Inject
    Mailbox mailbox;

    @Test
    void thePagesSayEmailIsNotSetUp() {
        assertEquals(Mailbox.Delivery.OFF, mailbox.delivery());
        TestUser.anonymous().get("/password-reset").then().statusCode(200)
                .body(containsString("E-mail is not set up on this server"))
                .body(not(containsString("name=\"email\"")));
        TestUser user = TestUser.registered();
        TestUser.anonymous().post("/password-reset", Map.of("email", user.email)).then().statusCode(303)
                .header("Location", containsString("/password-reset/sent"));
        TestUser.anonymous().get("/password-reset/sent").then().statusCode(200)
                .body(containsString("E-mail is not set up on this server"));
    }
}
