package io.heavylegs.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.junit.jupiter.api.Test;

import io.heavylegs.account.User;
import io.heavylegs.labs.LabResult;
import io.heavylegs.support.TestUser;
import io.heavylegs.treatment.Treatment;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The JSON export holds the user's treatments and lab results, and deleting the account removes them. */
@QuarkusTest
class AfterAppointmentExportTest {

    @Inject
    Counts counts;

    @jakarta.enterprise.context.ApplicationScoped
    static class Counts {
        @Transactional
        long owner(String email) {
            return User.findByEmail(email).orElseThrow().id;
        }

        @Transactional
        long[] of(long owner) {
            return new long[] { Treatment.count("ownerId", owner), LabResult.count("ownerId", owner) };
        }
    }

    private static void record(TestUser user, String treatment) {
        user.post("/treatments", Map.of("kind", "supplement", "name", treatment, "dose", "1000 µg a day",
                "started", "2026-09-03")).then().statusCode(303);
        user.post("/labs", Map.of("test", "vitamin-b12", "value", "150.0", "unit", "ng/L", "low", "180",
                "high", "900", "date", "2026-09-01")).then().statusCode(303);
    }

    @Test
    void exportsTreatmentsAndLabResultsAndDeletionRemovesThem() {
        TestUser user = TestUser.registered();
        record(user, "Vitamin B12");
        TestUser other = TestUser.registered();
        record(other, "Someone else's iron");

        JsonPath json = user.get("/account/export").then().statusCode(200).extract().jsonPath();
        assertEquals(1, json.getList("treatments").size());
        assertEquals("Vitamin B12", json.getString("treatments[0].name"));
        assertEquals("supplement", json.getString("treatments[0].kind"));
        assertEquals("2026-09-03", json.getString("treatments[0].started"));
        assertEquals(1, json.getList("labResults").size());
        assertEquals("vitamin-b12", json.getString("labResults[0].test"));
        assertEquals("ng/L", json.getString("labResults[0].unit"));
        assertEquals(150.0, json.getDouble("labResults[0].value"), 1e-9);
        assertFalse(json.prettify().contains("Someone else"));

        long owner = counts.owner(user.email);
        assertEquals(1, counts.of(owner)[0]);
        user.post("/account/delete", Map.of("password", TestUser.PASSWORD)).then().statusCode(303);
        long[] left = counts.of(owner);
        assertEquals(0, left[0], "treatments deleted with the account");
        assertEquals(0, left[1], "lab results deleted with the account");
        assertEquals(1, counts.of(counts.owner(other.email))[1], "the other user's results stay");
    }
}
