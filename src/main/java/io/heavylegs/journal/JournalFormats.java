package io.heavylegs.journal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.quarkus.qute.TemplateExtension;

/** How journal dates and times read on pages: "Sun 29 Nov 2026", "08:30". */
@TemplateExtension
public final class JournalFormats {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter FULL_DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private JournalFormats() {
    }

    static String day(LocalDate date) {
        return date.format(DAY);
    }

    static String fullDay(LocalDate date) {
        return date.format(FULL_DAY);
    }

    static String clock(LocalTime time) {
        return time.format(CLOCK);
    }
}
