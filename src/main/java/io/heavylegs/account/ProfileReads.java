package io.heavylegs.account;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.heavylegs.database.PlainSql;

/**
 * The profile as the pages that only read it need it (the report, a shared report, the insights, the journal
 * list): one plain-SQL statement, so that a page whose other reads skip Hibernate does not open a Hibernate
 * session for this one row (bench/RESULTS.md). What it answers is never persisted; the profile form and every
 * write go through {@link Profile#forUser} and {@link Profile#findByUser}.
 */
@ApplicationScoped
public class ProfileReads {

    private final DataSource dataSource;

    @Inject
    public ProfileReads(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The user's profile as stored, or the defaults when they never saved one, as {@link Profile#forUser}. */
    public Profile of(long userId) {
        String sql = "SELECT name, birth_date, standing_factors, time_zone, reminder_time FROM user_profile"
                + " WHERE user_id = :user";
        return PlainSql.query(dataSource, sql, Map.of("user", userId), rows -> {
            if (!rows.next()) {
                Profile defaults = new Profile();
                defaults.userId = userId;
                return defaults;
            }
            return Profile.read(userId, rows.getString(1), rows.getObject(2, LocalDate.class),
                    (String[]) rows.getArray(3).getArray(), rows.getString(4), rows.getObject(5, LocalTime.class));
        });
    }
}
