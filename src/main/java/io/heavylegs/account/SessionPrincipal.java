package io.heavylegs.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What the encrypted session cookie carries as the principal name: the user's id, the session generation the
 * cookie was issued under, when the user signed in, the session's row ({@code user_session}) and whether the user
 * ticked "keep me signed in". Raising the user's generation revokes every earlier cookie; ending the row revokes
 * this one; the sign-in time bounds a session's absolute lifetime however active it stays.
 */
public record SessionPrincipal(long userId, int generation, Instant signedInAt, long sessionId, boolean remembered) {

    public String encode() {
        return userId + ":" + generation + ":" + signedInAt.getEpochSecond() + ":" + sessionId + ":"
                + (remembered ? "r" : "s");
    }

    public static Optional<SessionPrincipal> decode(String name) {
        String[] parts = name == null ? new String[0] : name.split(":");
        if (parts.length != 5 || !(parts[4].equals("r") || parts[4].equals("s"))) {
            return Optional.empty();
        }
        try {
            return Optional.of(new SessionPrincipal(Long.parseLong(parts[0]), Integer.parseInt(parts[1]),
                    Instant.ofEpochSecond(Long.parseLong(parts[2])), Long.parseLong(parts[3]), parts[4].equals("r")));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public boolean expiredAt(Instant now, Duration lifetime) {
        return now.isAfter(signedInAt.plus(lifetime));
    }
}
