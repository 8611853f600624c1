package io.heavylegs.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The reminder mail's link opened from a mail client, that is from another site: the SameSite=Strict session
 * cookie is not sent with such a navigation, and still the signed-in user lands on the new-entry form, and a
 * signed-out one lands there after logging in.
 */
@QuarkusTest
class ReminderLinkBrowserTest extends BrowserTest {

    /** A webmail page on another site (an opaque data: origin) holding the mail's link, clicked as a reader would. */
    private void clickTheMailsLink() {
        String mail = "<!DOCTYPE html><title>Inbox</title><p>Time for today's entry: <a id=link href=\""
                + root.toString().replaceAll("/$", "") + "/journal/new\">open the journal</a></p>";
        browser.get("data:text/html;charset=utf-8," + URLEncoder.encode(mail, StandardCharsets.UTF_8).replace("+", "%20"));
        find("#link").click();
    }

    @Test
    void aSignedInUserLandsOnTheNewEntryForm() {
        registerAndLogIn();
        clickTheMailsLink();
        waitForPath("/journal/new");
        assertTrue(isPresent("main form[action='/journal'] input[name=severity]"), "the new-entry form is open");
    }

    @Test
    void aSignedOutUserLandsOnTheNewEntryFormAfterLoggingIn() {
        String email = registerAndLogIn();
        find("form[action='/logout'] button").click();
        waitForPath("/");
        clickTheMailsLink();
        waitForPath("/login");
        logIn(email, PASSWORD);
        waitForPath("/journal/new");
        assertTrue(isPresent("main form[action='/journal'] input[name=severity]"), "the new-entry form is open");
    }
}
