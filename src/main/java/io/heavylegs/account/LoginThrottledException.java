package io.heavylegs.account;

/**
 * Thrown by {@link LoginIdentityProvider} when the throttle refuses an attempt. It is deliberately not an
 * AuthenticationException: those make form authentication redirect to the error page, while this one reaches
 * {@link LoginThrottleResponder}, which answers 429.
 */
public class LoginThrottledException extends RuntimeException {

    public LoginThrottledException() {
        super("Too many failed logins", null, false, false);
    }
}
