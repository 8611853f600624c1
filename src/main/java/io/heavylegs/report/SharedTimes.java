package io.heavylegs.report;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the times of share links read: "Tue 8 Dec 2026 at 14:05 (Europe/Berlin)". */
final class SharedTimes {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("EEE d MMM yyyy 'at' HH:mm",
            Locale.ENGLISH);

    private SharedTimes() {
    }

    static String format(Instant instant, ZoneId zone) {
        return instant.atZone(zone).format(FORMAT) + " (" + zone.getId() + ")";
    }
}
