package io.heavylegs.account;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long a session may last and how many failed logins are tolerated. */
@ConfigMapping(prefix = "heavylegs.sign-in")
public interface SignInConfig {

    /** A session ends this long after the sign-in, however active it stays (the idle timeout is separate). */
    @WithDefault("PT12H")
    Duration sessionLifetime();

    Throttle throttle();

    interface Throttle {
        /** Failed logins are counted over this sliding window; an older failure no longer counts. */
        @WithDefault("PT15M")
        Duration window();

        @WithDefault("5")
        int maxFailuresPerAccount();

        @WithDefault("20")
        int maxFailuresPerAddress();
    }
}
