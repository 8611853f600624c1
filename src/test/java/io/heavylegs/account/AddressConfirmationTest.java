package io.heavylegs.account;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import io.heavylegs.support.MailProfile;
import io.heavylegs.support.SmtpServer;
import io.heavylegs.support.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** A first mail at registration confirms the address over a real SMTP server; the account page shows it. */
@QuarkusTest
@TestProfile(MailProfile.class)
class AddressConfirmationTest {

    @Test
    void theFirstMailsLinkConfirmsTheAddressOnce() {
        TestUser user = TestUser.registered();
        user.get("/account").then().statusCode(200).body(containsString("data-email-confirmed=\"false\""))
                .body(containsString("action=\"/account/confirm-email\""));
        List<MimeMessage> mails = SmtpServer.mailsTo(user.email, 1);
        assertEquals(1, mails.size(), "the first mail at registration");
        String link = SmtpServer.linkPath(mails.get(0), "/account/confirm/");

        TestUser.anonymous().get(link).then().statusCode(303).header("Location", containsString("/login"));
        user.get("/account").then().statusCode(200).body(containsString("data-email-confirmed=\"true\""));
        TestUser.anonymous().get(link).then().statusCode(404);
        // Confirmed: asking again sends nothing.
        user.post("/account/confirm-email", Map.of()).then().statusCode(303);
        assertEquals(1, SmtpServer.mailsToAfterAPause(user.email).size());
    }

    @Test
    void theAccountPageResendsTheLinkAndTheNewOneWorks() {
        TestUser user = TestUser.registered();
        SmtpServer.mailsTo(user.email, 1);
        user.post("/account/confirm-email", Map.of()).then().statusCode(303)
                .header("Location", containsString("/account"));
        List<MimeMessage> mails = SmtpServer.mailsTo(user.email, 2);
        assertEquals(2, mails.size());
        user.get(SmtpServer.linkPath(mails.get(1), "/account/confirm/")).then().statusCode(303)
                .header("Location", containsString("/account"));
        user.get("/account").then().body(containsString("data-email-confirmed=\"true\""));
        TestUser.anonymous().get("/account/confirm/" + "B".repeat(43)).then().statusCode(404);
    }
}
