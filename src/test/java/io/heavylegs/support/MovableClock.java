package io.heavylegs.support;

import java.time.Duration;
import java.time.Instant;

import io.heavylegs.web.AppClock;
import io.quarkus.test.Mock;

/**
 * The app's clock in tests: the real time, moved forward by what a test asks for (a shared link's expiry without
 * waiting days). Static, so every injection point sees the same time; a test that moves it puts it back.
 */
@Mock
public class MovableClock extends AppClock {

    private static volatile Duration offset = Duration.ZERO;

    @Override
    public Instant now() {
        return Instant.now().plus(offset);
    }

    public static void moveForward(Duration by) {
        offset = offset.plus(by);
    }

    /** From now on the clock reads {@code instant} and goes on from there (a test of a given day and hour). */
    public static void travelTo(Instant instant) {
        offset = Duration.between(Instant.now(), instant);
    }

    public static void reset() {
        offset = Duration.ZERO;
    }
}
