package io.heavylegs.web;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The time, for rules that depend on it and must be testable without waiting (a shared link's expiry): tests
 * replace this bean with one whose clock they can move.
 */
@ApplicationScoped
public class AppClock {

    public Instant now() {
        return Instant.now();
    }
}
