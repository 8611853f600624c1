package io.heavylegs.reminder;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.heavylegs.account.Mailbox;
import io.heavylegs.account.Profile;
import io.heavylegs.web.AppClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * The daily reminder: an e-mail to each user who asked for one (a reminder time in the profile), whose address is
 * confirmed, once their reminder time has passed today in their own time zone, on a day they have not written an
 * entry for yet.
 * <p>
 * Every app instance runs this job. Each mail is sent only after a row for (user, local day) was inserted in
 * {@code reminder_sent} with {@code ON CONFLICT DO NOTHING}: PostgreSQL lets exactly one insert win, so two
 * instances (or two runs at once) never send the same reminder twice. The claim commits before the mail is
 * handed to the mail server, so a mail that then fails is not retried: a reminder is sent at most once a day.
 * <p>
 * Time zones are Java's (the profile's zone names, {@link Profile#timeZone}), not PostgreSQL's: the job works out
 * the local date and time of each zone in use and asks per zone. On a day a clock jumps, a reminder time the clock
 * skips is due from the jump on, and one it passes twice is sent at the first.
 */
@ApplicationScoped
public class ReminderJob {

    private static final Logger LOG = Logger.getLogger(ReminderJob.class);

    /** Claims are kept a little longer than the widest gap between two zones' dates, then deleted. */
    static final int KEEP_CLAIMS_DAYS = 3;

    /** Whom to remind in one zone: reminder time passed, address confirmed, no entry and no reminder yet today. */
    private static final String DUE_IN_ZONE = """
            SELECT p.user_id, u.email, p.reminder_time FROM user_profile p JOIN app_user u ON u.id = p.user_id
            WHERE p.time_zone = :zone AND p.reminder_time IS NOT NULL AND p.reminder_time <= :localTime
              AND u.email_confirmed_at IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM journal_entry e WHERE e.owner_id = p.user_id AND e.entry_date = :day)
              AND NOT EXISTS (SELECT 1 FROM reminder_sent r WHERE r.user_id = p.user_id AND r.local_date = :day)
            ORDER BY p.user_id""";

    /**
     * The claim. It checks the reminder is still wanted and the day still has no entry in the same statement, so
     * a reminder stopped or an entry written since the list was read sends nothing.
     */
    private static final String CLAIM = """
            INSERT INTO reminder_sent (user_id, local_date, sent_at)
            SELECT p.user_id, :day, :now FROM user_profile p
            WHERE p.user_id = :user AND p.reminder_time IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM journal_entry e WHERE e.owner_id = p.user_id AND e.entry_date = :day)
            ON CONFLICT DO NOTHING""";

    record Due(long userId, String email, LocalTime reminderTime, ZoneId zone) {
    }

    @Inject
    EntityManager entities;

    @Inject
    Mailbox mailbox;

    @Inject
    AppClock clock;

    @Inject
    ReminderMail mail;

    private final AtomicBoolean offLogged = new AtomicBoolean();

    @Scheduled(identity = "reminders", every = "${heavylegs.reminders.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void everyFewMinutes() {
        try {
            sendDue();
        } catch (RuntimeException e) {
            // A database outage: the next run tries again, and claims keep it from sending anything twice
            LOG.warnf("The reminder job could not finish, the next run tries again: %s", e.getMessage());
        }
    }

    /** Sends every reminder due now and not sent yet; answers how many this call sent. Safe to call concurrently. */
    public int sendDue() {
        if (!mailbox.canSend()) {
            if (offLogged.compareAndSet(false, true)) {
                LOG.info("No reminders are sent: e-mail is not set up on this server (QUARKUS_MAILER_HOST).");
            }
            return 0;
        }
        Instant now = clock.now();
        int sent = 0;
        for (String zoneName : zonesInUse()) {
            ZonedDateTime local = now.atZone(zoneOf(zoneName));
            for (Due due : dueIn(zoneName, local)) {
                if (claim(due.userId(), local.toLocalDate(), now)) {
                    mail.send(due);
                    sent++;
                }
            }
        }
        forgetClaimsBefore(now.atZone(ZoneId.of("UTC")).toLocalDate().minusDays(KEEP_CLAIMS_DAYS));
        return sent;
    }

    @SuppressWarnings("unchecked")
    private List<String> zonesInUse() {
        return QuarkusTransaction.requiringNew().call(() -> entities.createNativeQuery(
                "SELECT DISTINCT time_zone FROM user_profile WHERE reminder_time IS NOT NULL").getResultList());
    }

    /** A stored name this JVM does not know counts as the default zone, as everywhere else (Profile.timeZone). */
    private static ZoneId zoneOf(String name) {
        return Profile.isKnownTimeZone(name) ? ZoneId.of(name) : Profile.DEFAULT_TIME_ZONE;
    }

    @SuppressWarnings("unchecked")
    private List<Due> dueIn(String zoneName, ZonedDateTime local) {
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> entities.createNativeQuery(DUE_IN_ZONE)
                .setParameter("zone", zoneName).setParameter("localTime", local.toLocalTime())
                .setParameter("day", local.toLocalDate()).getResultList());
        return rows.stream().map(row -> new Due(((Number) row[0]).longValue(), (String) row[1],
                toLocalTime(row[2]), local.getZone())).toList();
    }

    private static LocalTime toLocalTime(Object column) {
        return column instanceof java.sql.Time time ? time.toLocalTime() : (LocalTime) column;
    }

    private boolean claim(long userId, LocalDate day, Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> entities.createNativeQuery(CLAIM)
                .setParameter("user", userId).setParameter("day", day).setParameter("now", now)
                .executeUpdate()) == 1;
    }

    private void forgetClaimsBefore(LocalDate day) {
        QuarkusTransaction.requiringNew().run(() -> entities
                .createNativeQuery("DELETE FROM reminder_sent WHERE local_date < :day")
                .setParameter("day", day).executeUpdate());
    }
}
