package io.heavylegs.report;

import static org.hamcrest.Matchers.containsString;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.heavylegs.support.TestUser;
import io.quarkus.test.junit.QuarkusTest;

/**
 * "Today" on the report, the shares, the insights and the journal is the user's today, not the server's. The
 * zone is chosen from the hour so that, whenever the test runs, the user's date differs from the server's (UTC):
 * fourteen hours ahead from 11:00 UTC on, eleven hours behind before it.
 */
@QuarkusTest
class TodayWhereTheUserIsTest {

    private static final ZoneId FAR_EAST = ZoneId.of("Pacific/Kiritimati");
    private static final ZoneId FAR_WEST = ZoneId.of("Pacific/Pago_Pago");

    private static TestUser userIn(ZoneId zone) {
        TestUser user = TestUser.registered();
        user.post("/account/profile", Map.of("name", "", "birthDate", "", "timeZone", zone.getId(),
                "reminderTime", "")).then().statusCode(303);
        return user;
    }

    @Test
    void aRangeMayEndOnTheUsersTodayButNotTheirTomorrow() {
        boolean east = ZonedDateTime.now(ZoneOffset.UTC).getHour() >= 11;
        ZoneId zone = east ? FAR_EAST : FAR_WEST;
        TestUser user = userIn(zone);
        LocalDate usersToday = LocalDate.now(zone);
        LocalDate serversToday = LocalDate.now(ZoneOffset.UTC);
        if (east) {
            // The user's today is the server's tomorrow: it must be accepted
            for (String page : new String[] {"/report", "/insights", "/journal"}) {
                user.get(page + "?from=" + usersToday.minusDays(10) + "&to=" + usersToday).then().statusCode(200);
            }
            user.get("/report.csv?from=" + usersToday.minusDays(10) + "&to=" + usersToday).then().statusCode(200);
            user.get("/shares").then().statusCode(200).body(containsString(usersToday.toString()));
        } else {
            // The server's today is the user's tomorrow: it must be refused as a date in the future
            for (String page : new String[] {"/report", "/insights"}) {
                user.get(page + "?from=" + usersToday.minusDays(10) + "&to=" + serversToday).then()
                        .statusCode(400);
            }
            user.get("/shares").then().statusCode(200).body(containsString(usersToday.toString()));
        }
    }
}
