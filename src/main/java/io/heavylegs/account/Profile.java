package io.heavylegs.account;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.UpdateTimestamp;
import org.hibernate.type.SqlTypes;

import io.heavylegs.codes.CodeSets;
import io.heavylegs.codes.Factor;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * What a user tells HeavyLegs about themselves (contract: {@code POST /account/profile}): the name and date of
 * birth the report shows, the factors ticked in advance on every new entry, their time zone and the time of the
 * daily reminder. Other features read it through {@link #forUser}, which always answers: a user who never saved
 * the form gets the defaults (no name, no factors, {@link #DEFAULT_TIME_ZONE}, no reminder).
 */
@Entity
@Table(name = "user_profile")
public class Profile extends PanacheEntityBase {

    /** The zone of a user who has not chosen one. */
    public static final ZoneId DEFAULT_TIME_ZONE = ZoneId.of("UTC");

    public static final int NAME_LIMIT = 100;

    /** Region/City names, the ones people recognise; the old aliases (US/Eastern, SystemV/…) are left out. */
    private static final Pattern REGION_ZONE = Pattern.compile(
            "(Africa|America|Antarctica|Arctic|Asia|Atlantic|Australia|Europe|Indian|Pacific)/[A-Za-z_\\-/]+");

    private static final List<String> TIME_ZONES;
    static {
        Set<String> zones = new TreeSet<>();
        ZoneId.getAvailableZoneIds().stream().filter(z -> REGION_ZONE.matcher(z).matches()).forEach(zones::add);
        zones.add("UTC");
        TIME_ZONES = List.copyOf(zones);
    }

    @Id
    @Column(name = "user_id")
    public Long userId;

    public String name;

    @Column(name = "birth_date")
    public LocalDate birthDate;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "standing_factors", nullable = false)
    String[] standingFactorCodes = new String[0];

    @Column(name = "time_zone", nullable = false)
    String timeZoneName = DEFAULT_TIME_ZONE.getId();

    @Column(name = "reminder_time")
    public LocalTime reminderTime;

    @UpdateTimestamp
    @Column(name = "updated_at")
    Instant updatedAt;

    /** The user's profile as stored, or the defaults when they never saved one (not persisted). */
    public static Profile forUser(long userId) {
        return findByUser(userId).orElseGet(() -> {
            Profile defaults = new Profile();
            defaults.userId = userId;
            return defaults;
        });
    }

    /**
     * A stored profile read in plain SQL ({@link ProfileReads}), for reading only: never persisted, so that the
     * wording of the zone and the factors stays in this class while the read skips Hibernate.
     */
    static Profile read(long userId, String name, LocalDate birthDate, String[] standingFactorCodes,
            String timeZoneName, LocalTime reminderTime) {
        Profile read = new Profile();
        read.userId = userId;
        read.name = name;
        read.birthDate = birthDate;
        read.standingFactorCodes = standingFactorCodes;
        read.timeZoneName = timeZoneName;
        read.reminderTime = reminderTime;
        return read;
    }

    /** The stored profile, if the user ever saved one. */
    public static Optional<Profile> findByUser(long userId) {
        return findByIdOptional(userId);
    }

    /** The factors to tick in advance on a new entry, in contract order. */
    public Set<Factor> standingFactors() {
        return Factor.setOf(standingFactorCodes);
    }

    public void standingFactors(Set<Factor> factors) {
        standingFactorCodes = CodeSets.toCodes(factors);
    }

    /** The user's time zone; a stored name this JVM no longer knows falls back to the default. */
    public ZoneId timeZone() {
        return isKnownTimeZone(timeZoneName) ? ZoneId.of(timeZoneName) : DEFAULT_TIME_ZONE;
    }

    public void timeZone(ZoneId zone) {
        timeZoneName = zone.getId();
    }

    /**
     * Now where the user is: every page that speaks of "today" (the latest date a form accepts, a range's
     * default end, the report's "made on") follows this, not the server's zone, which is a day off for part
     * of every day for anyone far from UTC.
     */
    public static LocalDateTime nowFor(long userId) {
        return forUser(userId).now();
    }

    /** Today where the user is (see {@link #nowFor}). */
    public static LocalDate todayFor(long userId) {
        return nowFor(userId).toLocalDate();
    }

    /** Now where this profile's user is (see {@link #nowFor}): for a page that has read the profile already. */
    public LocalDateTime now() {
        return LocalDateTime.now(timeZone());
    }

    /** Today where this profile's user is (see {@link #nowFor}). */
    public LocalDate today() {
        return now().toLocalDate();
    }

    /** Whether the user asked for a daily reminder (at {@link #reminderTime}, in {@link #timeZone()}). */
    public boolean wantsReminder() {
        return reminderTime != null;
    }

    /** Whether the name or the date of birth is given, so the report has someone to name. */
    public boolean identifiesThePatient() {
        return name != null || birthDate != null;
    }

    /** The zone names the profile form offers and accepts, sorted. */
    public static List<String> timeZones() {
        return TIME_ZONES;
    }

    public static boolean isKnownTimeZone(String name) {
        return name != null && Collections.binarySearch(TIME_ZONES, name) >= 0;
    }
}
