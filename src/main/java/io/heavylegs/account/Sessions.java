package io.heavylegs.account;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.heavylegs.database.PlainSql;
import io.heavylegs.web.HeavyLegsConfig;

/**
 * The signed-in sessions as rows ({@code user_session}, migration V10). Every request checks its row, so ending a
 * session (here, on another instance, or by a password change) takes effect from the next request on, everywhere.
 * Statements run on the caller's connection: in a transaction when there is one, else autocommit.
 */
@ApplicationScoped
public class Sessions {

    private static final int MAX_USER_AGENT = 300;

    /** One open session as the account page lists it. */
    public record Open(long id, String device, Instant firstUsed, Instant lastUsed, boolean remembered) {
    }

    @Inject
    DataSource dataSource;

    @Inject
    HeavyLegsConfig config;

    public Duration idleTimeout(boolean remembered) {
        return remembered ? config.signIn().rememberedIdleTimeout() : config.signIn().idleTimeout();
    }

    public Duration lifetime(boolean remembered) {
        return remembered ? config.signIn().rememberedLifetime() : config.signIn().sessionLifetime();
    }

    /** A new session row for a sign-in; the user's long-dead rows are cleared on the way. */
    public long start(long userId, boolean remembered, String userAgent) {
        Instant now = Instant.now();
        PlainSql.query(dataSource, "DELETE FROM user_session WHERE user_id = :user AND (ended_at IS NOT NULL "
                + "OR last_used_at < :old) RETURNING id", Map.of("user", userId,
                        "old", at(now.minus(config.signIn().rememberedLifetime()))), rows -> null);
        String agent = userAgent == null ? "" : userAgent;
        return PlainSql.query(dataSource, "INSERT INTO user_session (user_id, remembered, user_agent, created_at, "
                + "last_used_at) VALUES (:user, :remembered, :agent, :now, :now) RETURNING id",
                Map.of("user", userId, "remembered", remembered,
                        "agent", agent.length() > MAX_USER_AGENT ? agent.substring(0, MAX_USER_AGENT) : agent,
                        "now", at(now)),
                rows -> {
                    rows.next();
                    return rows.getLong(1);
                });
    }

    /**
     * The email of a session cookie's user while its row is open, not idle for longer than its kind allows, and
     * the user's sessions were not all ended since (generation). Marks the row used, at most every 1/30 of the
     * idle timeout (a minute for 30 minutes), so that a busy session does not write on every request.
     */
    public Optional<String> resume(SessionPrincipal principal) {
        Instant now = Instant.now();
        Optional<Resumed> row = PlainSql.query(dataSource,
                "SELECT u.email, s.last_used_at FROM app_user u JOIN user_session s ON s.user_id = u.id "
                        + "WHERE u.id = :id AND u.session_generation = :generation AND s.id = :session "
                        + "AND s.ended_at IS NULL AND s.last_used_at > CASE WHEN s.remembered THEN :rememberedIdle "
                        + "ELSE :idle END",
                Map.of("id", principal.userId(), "generation", principal.generation(), "session",
                        principal.sessionId(), "rememberedIdle", at(now.minus(idleTimeout(true))),
                        "idle", at(now.minus(idleTimeout(false)))),
                rows -> rows.next() ? Optional.of(new Resumed(rows.getString(1),
                        rows.getObject(2, OffsetDateTime.class).toInstant())) : Optional.<Resumed>empty());
        if (row.isEmpty()) {
            return Optional.empty();
        }
        if (row.get().lastUsed().isBefore(now.minus(idleTimeout(principal.remembered()).dividedBy(30)))) {
            PlainSql.query(dataSource, "UPDATE user_session SET last_used_at = :now WHERE id = :session RETURNING id",
                    Map.of("now", at(now), "session", principal.sessionId()), rows -> null);
        }
        return Optional.of(row.get().email());
    }

    private record Resumed(String email, Instant lastUsed) {
    }

    /** The user's open sessions, the most recently used first. */
    public List<Open> open(long userId) {
        Instant now = Instant.now();
        return PlainSql.query(dataSource, "SELECT id, user_agent, created_at, last_used_at, remembered "
                + "FROM user_session WHERE user_id = :user AND ended_at IS NULL "
                + "AND last_used_at > CASE WHEN remembered THEN :rememberedIdle ELSE :idle END "
                + "AND created_at > CASE WHEN remembered THEN :rememberedLifetime ELSE :lifetime END "
                + "ORDER BY last_used_at DESC, id DESC",
                Map.of("user", userId, "rememberedIdle", at(now.minus(idleTimeout(true))),
                        "idle", at(now.minus(idleTimeout(false))),
                        "rememberedLifetime", at(now.minus(lifetime(true))), "lifetime", at(now.minus(lifetime(false)))),
                rows -> {
                    List<Open> open = new ArrayList<>();
                    while (rows.next()) {
                        open.add(new Open(rows.getLong(1), Devices.describe(rows.getString(2)),
                                rows.getObject(3, OffsetDateTime.class).toInstant(),
                                rows.getObject(4, OffsetDateTime.class).toInstant(), rows.getBoolean(5)));
                    }
                    return open;
                });
    }

    /** Ends one of the user's sessions; false when it is not theirs, or already ended. */
    public boolean end(long userId, long sessionId) {
        return PlainSql.query(dataSource, "UPDATE user_session SET ended_at = :now WHERE id = :session "
                + "AND user_id = :user AND ended_at IS NULL RETURNING id",
                Map.of("now", at(Instant.now()), "session", sessionId, "user", userId), rows -> rows.next());
    }

    /** Ends every session of the user but this one. */
    public void endOthers(long userId, long keptSessionId) {
        PlainSql.query(dataSource, "UPDATE user_session SET ended_at = :now WHERE user_id = :user "
                + "AND id <> :kept AND ended_at IS NULL RETURNING id",
                Map.of("now", at(Instant.now()), "user", userId, "kept", keptSessionId), rows -> null);
    }

    /** Ends every session of the user (with the generation raised, their cookies are refused anyway). */
    public void endAll(long userId) {
        PlainSql.query(dataSource, "UPDATE user_session SET ended_at = :now WHERE user_id = :user "
                + "AND ended_at IS NULL RETURNING id", Map.of("now", at(Instant.now()), "user", userId), rows -> null);
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
