package io.heavylegs.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The pages anyone sees, in Chromium: they work and axe finds nothing on them. */
@QuarkusTest
class PublicPagesBrowserTest extends BrowserTest {

    @Test
    void homeSaysWhatHeavyLegsIsAndIsAccessible() {
        open("/");
        assertTrue(find("h1").isDisplayed());
        assertTrue(find("main a[href='/register']").isDisplayed());
        assertNoAccessibilityViolations();
    }

    @Test
    void registerPageIsAccessible() {
        open("/register");
        assertEquals("Create your account", find("h1").getText());
        assertNoAccessibilityViolations();
    }

    @Test
    void registerErrorsAreShownNextToTheFieldsAndAccessible() {
        open("/register");
        find("#email").sendKeys("not an email");
        find("#password").sendKeys("short");
        find("main form button[type=submit]").click();
        waitUntilVisible("[data-error-for=email]");
        assertTrue(find("[data-error-for=password]").isDisplayed());
        assertEquals("not an email", find("#email").getAttribute("value"), "the typed email is kept");
        assertEquals("", find("#password").getAttribute("value"), "a password is never sent back");
        assertNoAccessibilityViolations();
    }

    @Test
    void loginWithAWrongPasswordSaysSoAndIsAccessible() {
        open("/login");
        logIn("nobody-" + System.nanoTime() + "@example.org", "not the password at all");
        waitUntilVisible("[data-error-for=j_password]");
        assertTrue(path().startsWith("/login"), "back on the login page, not " + path());
        assertNoAccessibilityViolations();
    }

    @Test
    void onAPhoneEachKeepMeSignedInBoxSitsBesideItsLabel() {
        usePhoneSize();
        open("/login");
        for (String id : new String[] {"remember", "passkey-remember"}) {
            org.openqa.selenium.Rectangle box = find("#" + id).getRect();
            org.openqa.selenium.Rectangle label = find("label[for=" + id + "]").getRect();
            assertTrue(label.getX() >= box.getX() + box.getWidth(), id + ": the label is right of its box");
            assertTrue(label.getY() < box.getY() + box.getHeight() && box.getY() < label.getY() + label.getHeight(),
                    id + ": on the box's line, not above or below it (box " + box.getY() + "+" + box.getHeight()
                            + ", label " + label.getY() + "+" + label.getHeight() + ")");
        }
        assertNoHorizontalScroll();
    }

    @Test
    void unknownPageIsAFriendly404AndAccessible() {
        open("/no/such/page");
        assertEquals("Page not found", find("h1").getText());
        assertTrue(find("main a[href='/']").isDisplayed(), "a way back home");
        assertNoAccessibilityViolations();
    }
}
