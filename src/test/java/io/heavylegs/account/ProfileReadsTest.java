package io.heavylegs.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.junit.jupiter.api.Test;

import io.heavylegs.codes.Factor;
import io.heavylegs.support.TestUser;
import io.quarkus.test.junit.QuarkusTest;

/** The plain-SQL read of the profile answers what {@link Profile#forUser} answers, stored or the defaults. */
@QuarkusTest
class ProfileReadsTest {

    @Inject
    ProfileReads profiles;

    @Test
    void readsTheStoredProfileAsTheEntityDoes() {
        TestUser user = TestUser.registered();
        user.post("/account/profile", Map.of("name", "Ana Müller-Ørsted", "birthDate", "1984-07-09",
                "standingFactors", List.of("vegan-diet", "diabetes"), "timeZone", "Pacific/Kiritimati",
                "reminderTime", "20:30")).then().statusCode(303);

        Profile read = profiles.of(idOf(user));

        assertEquals("Ana Müller-Ørsted", read.name);
        assertEquals(LocalDate.of(1984, 7, 9), read.birthDate);
        assertEquals(Set.of(Factor.VEGAN_DIET, Factor.DIABETES), read.standingFactors());
        assertEquals(ZoneId.of("Pacific/Kiritimati"), read.timeZone());
        assertEquals(LocalTime.of(20, 30), read.reminderTime);
        assertEquals(LocalDate.now(ZoneId.of("Pacific/Kiritimati")), read.today());
    }

    @Test
    void aUserWhoNeverSavedTheFormGetsTheDefaults() {
        TestUser user = TestUser.registered();

        Profile read = profiles.of(idOf(user));

        assertNull(read.name);
        assertNull(read.birthDate);
        assertEquals(Set.of(), read.standingFactors());
        assertEquals(Profile.DEFAULT_TIME_ZONE, read.timeZone());
        assertNull(read.reminderTime);
    }

    @Transactional
    long idOf(TestUser user) {
        return User.findByEmail(user.email).orElseThrow().id;
    }
}
