package io.heavylegs.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class AccountBrowserTest extends BrowserTest {

    @Test
    void registerLogInSeeTheAccountAndLogOut() {
        String email = registerAndLogIn();
        open("/account");
        assertTrue(find("main").getText().contains(email), "the account page names the signed-in user");
        assertNoAccessibilityViolations();

        find("form[action='/logout'] button").click();
        waitForPath("/");
        assertTrue(isPresent("a[href='/login']"), "logged out: the header offers to log in again");
        open("/account");
        waitForPath("/login");
    }
}
