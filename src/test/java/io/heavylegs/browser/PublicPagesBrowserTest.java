package io.heavylegs.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PublicPagesBrowserTest extends BrowserTest {

    @Test
    void homeIsAccessible() {
        open("/");
        assertTrue(find("h1").isDisplayed());
        assertNoAccessibilityViolations();
    }
}
