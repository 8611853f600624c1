package io.heavylegs.account;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.heavylegs.support.TestUser;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Without a mail server on a local machine the mails go to quarkus-mailer's mock mode, which writes them to the
 * console (the embedded-database default turns it on; tests run in it): the reset still works end to end.
 */
@QuarkusTest
class MailDeliveryTest {

    @Inject
    MockMailbox mailbox;

    @Inject
    Mailbox delivery;

    @Test
    void withoutAMailServerTheMailIsWrittenToTheConsoleAndItsLinkWorks() {
        assertEquals(Mailbox.Delivery.CONSOLE, delivery.delivery());
        TestUser user = TestUser.registered();
        TestUser.anonymous().get("/password-reset").then().statusCode(200).body(containsString("Send me a link"));
        TestUser.anonymous().post("/password-reset", Map.of("email", user.email)).then().statusCode(303);

        // Registration sent the address confirmation first; the reset mail is the one with the reset link.
        List<Mail> mails = waitForMails(user.email).stream()
                .filter(mail -> mail.getText().contains("/password-reset/")).toList();
        assertEquals(1, mails.size());
        String text = mails.get(0).getText();
        String link = text.substring(text.indexOf("/password-reset/")).split("\\s")[0];
        TestUser.anonymous().post(link, Map.of("password", "a fresh path through the meadow", "confirmPassword",
                "a fresh path through the meadow")).then().statusCode(303).header("Location", containsString("/login"));
    }

    private List<Mail> waitForMails(String to) {
        for (int i = 0; i < 50 && (mailbox.getMailsSentTo(to) == null || mailbox.getMailsSentTo(to).stream()
                .noneMatch(mail -> mail.getText().contains("/password-reset/"))); i++) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        List<Mail> mails = mailbox.getMailsSentTo(to);
        assertTrue(mails != null && !mails.isEmpty(), "a mail for " + to);
        return mails;
    }
}
