package io.heavylegs.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Passkeys end to end in Chromium, with its virtual authenticator standing in for the device's screen lock: the
 * real WebAuthn ceremony in the browser (/js/passkeys.js) against the real verification on the server.
 */
@QuarkusTest
class PasskeyBrowserTest extends BrowserTest {

    @Test
    void addAPasskeyLogOutAndLogInWithItThenRemoveIt() {
        registerAndLogIn();
        VirtualAuthenticator device = ((HasVirtualAuthenticator) browser).addVirtualAuthenticator(
                new VirtualAuthenticatorOptions()
                        .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                        .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                        .setHasResidentKey(true)
                        .setHasUserVerification(true)
                        .setIsUserVerified(true)
                        .setIsUserConsenting(true));

        open("/account");
        find("#passkeyName").sendKeys("Test laptop");
        find("#passkey-add button[type=submit]").click();
        waitUntilVisible("[data-passkey]");
        assertTrue(find("[data-passkey]").getText().contains("Test laptop"), find("[data-passkey]").getText());
        assertTrue(find("[data-passkey]").getText().contains("not used yet"), find("[data-passkey]").getText());
        assertEquals(1, device.getCredentials().size(), "the device holds the new passkey");
        assertNoAccessibilityViolations();

        find("form[action='/logout'] button").click();
        waitForPath("/");
        open("/login");
        assertNoAccessibilityViolations();
        find("#passkey-login button[type=submit]").click();
        waitForPath("/journal");

        // A bookmark opened while logged out leads through the passkey login to the page, as with the password
        find("form[action='/logout'] button").click();
        waitForPath("/");
        open("/journal/new");
        waitForPath("/login");
        find("#passkey-login button[type=submit]").click();
        waitForPath("/journal/new");

        open("/account");
        assertTrue(find("[data-passkey]").getText().contains("last used"), find("[data-passkey]").getText());
        assertTrue(isPresent("[data-this-device]"), "the passkey's sign-in is a session row like any other");

        find("[data-passkey] form button").click();
        waitUntilVisible("[data-passkeys=none]");
        find("form[action='/logout'] button").click();
        waitForPath("/");
        open("/login");
        find("#passkey-login button[type=submit]").click();
        waitUntilVisible("[data-error-for=credential]");
        assertEquals("/login/passkey", path(), "a removed passkey no longer logs in, though the device still has it");
        open("/account");
        waitForPath("/login");
    }
}
