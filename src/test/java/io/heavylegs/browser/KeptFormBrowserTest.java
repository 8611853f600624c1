package io.heavylegs.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.heavylegs.database.PlainSql;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Nothing typed is lost, in a real browser (issue 14): an entry saved after the session ended comes back after the
 * login and saves; an entry saved after its CSRF cookie was lost comes back at once and saves on the second try.
 */
@QuarkusTest
class KeptFormBrowserTest extends BrowserTest {

    @Inject
    DataSource dataSource;

    @Test
    void anEntrySavedAfterTheSessionEndedIsKeptThroughTheLoginAndSaves() {
        String email = registerAndLogIn();
        String notes = "Stairs were hard today " + UUID.randomUUID();
        startEntry(notes);
        // The session lapses while the form is open (as after 30 idle minutes): its row is ended.
        PlainSql.query(dataSource, "UPDATE user_session SET ended_at = now() WHERE user_id = "
                + "(SELECT id FROM app_user WHERE email = :email) RETURNING id", Map.of("email", email), rows -> null);

        find("main form button[type=submit]").click();

        waitForPath("/login");
        assertTrue(find("main").getText().contains("You were signed out; your entry is kept"),
                find("main").getText());
        logIn(email, PASSWORD);
        waitForPath("/journal/new");
        assertEquals(notes, find("#notes").getAttribute("value"), "the typed notes are back");
        assertTrue(find("input[name=symptoms][value=cramps]").isSelected(), "the ticked symptom is back");
        assertTrue(find("input[name=severity][value='6']").isSelected(), "the chosen severity is back");
        assertTrue(find("[data-form-refill]").getText().contains("not saved") || find("[data-form-refill]")
                .getText().contains("before this was saved"));
        assertNoAccessibilityViolations();

        find("main form button[type=submit]").click();
        waitForPathMatching("/journal/\\d+");
        assertTrue(find("main").getText().contains(notes), "saved, and shown on the entry's page");
        open("/journal");
        assertTrue(find("main").getText().contains("6"), "the entry is in the journal");
    }

    @Test
    void anEntrySavedAfterItsFormTokenWasLostComesBackAndSavesOnTheSecondTry() {
        registerAndLogIn();
        String notes = "Long shift on my feet " + UUID.randomUUID();
        startEntry(notes);
        browser.manage().deleteCookieNamed("heavylegs-csrf");

        find("main form button[type=submit]").click();

        waitUntilVisible("[data-form-refill]");
        assertTrue(find("[data-form-refill]").getText().contains("This form had expired; check it and save again"));
        assertEquals(notes, find("#notes").getAttribute("value"), "the typed notes are still there");
        assertTrue(find("input[name=symptoms][value=cramps]").isSelected());
        assertNoAccessibilityViolations();

        find("main form button[type=submit]").click();
        waitForPathMatching("/journal/\\d+");
        assertTrue(find("main").getText().contains(notes), "saved on the second try");
    }

    private void startEntry(String notes) {
        open("/journal/new");
        find("input[name=severity][value='6']").click();
        find("input[name=symptoms][value=cramps]").click();
        find("#notes").sendKeys(notes);
    }
}
