package io.heavylegs.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Dark mode has its own colours, so its contrast is checked on its own. */
@QuarkusTest
class DarkModeBrowserTest extends BrowserTest {

    @BeforeEach
    void dark() {
        useDarkMode();
    }

    @Test
    void homeIsAccessibleInDarkMode() {
        open("/");
        assertEquals(Boolean.TRUE, script("return matchMedia('(prefers-color-scheme: dark)').matches"),
                "dark mode lasts across page loads");
        assertNoAccessibilityViolations();
    }

    @Test
    void formErrorsAreAccessibleInDarkMode() {
        open("/register");
        find("main form button[type=submit]").click();
        waitUntilVisible("[data-error-for=email]");
        assertNoAccessibilityViolations();
    }

    @Test
    void loggedInPagesAreAccessibleInDarkMode() {
        registerAndLogIn();
        open("/account");
        assertNoAccessibilityViolations();
    }
}
