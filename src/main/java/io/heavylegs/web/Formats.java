package io.heavylegs.web;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.quarkus.qute.TemplateExtension;

/**
 * How dates and times read on every page: {@code shortDate} "Sun 29 Nov 2026", {@code longDate} "Sunday 29
 * November 2026", {@code clock} "08:30". Also for Java code that writes dates into sentences.
 */
@TemplateExtension
public final class Formats {

    private static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private Formats() {
    }

    public static String shortDate(LocalDate date) {
        return date.format(SHORT_DATE);
    }

    public static String longDate(LocalDate date) {
        return date.format(LONG_DATE);
    }

    public static String clock(LocalTime time) {
        return time.format(CLOCK);
    }
}
