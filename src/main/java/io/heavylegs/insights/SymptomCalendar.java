package io.heavylegs.insights;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.heavylegs.codes.Symptom;
import io.heavylegs.web.DateRange;

/**
 * One month grid per symptom over the days of a range: the days the symptom was logged, each with the highest
 * severity of that day's entries that carry the symptom, written as a number in the cell and shown as a shade (the
 * number, not the shade, carries the meaning). Pure: the days come from one SQL aggregate
 * ({@link InsightsReads#calendar}). A long range shows its last {@value #MAX_MONTHS} months, and says so.
 * <p>
 * The grid is drawn by the stylesheet, not positioned here: a month is its days in order, the first one placed in its
 * weekday's column ({@link Month#getStartColumn}), the day numbers counted by CSS. Six months of eight symptoms are
 * about 1,500 cells, so each cell is a few bytes of markup; an SVG cell with its coordinates was about 300 bytes and
 * made the page 330–500 KB.
 */
public final class SymptomCalendar {

    public static final int MAX_MONTHS = 6;
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM", Locale.ENGLISH);

    /** A day of a month grid; {@code severity} is null on a day without the symptom. */
    public record Day(LocalDate date, boolean inRange, Integer severity) {

        public boolean isPresent() {
            return severity != null;
        }

        /** 1 (severity 0–2) to 4 (7–10): darker for worse days. */
        public int getShade() {
            return severity == null ? 0 : severity <= 2 ? 1 : severity <= 4 ? 2 : severity <= 6 ? 3 : 4;
        }
    }

    /** One month of one symptom. */
    public record Month(Symptom symptom, YearMonth month, List<Day> days, int daysInRange) {

        public String getTitle() {
            return month.atDay(1).format(MONTH);
        }

        public String getId() {
            return "calendar-" + symptom.code + "-" + month;
        }

        /** The grid column (1 Monday … 7 Sunday) of the month's first day; the others follow it. */
        public int getStartColumn() {
            return month.atDay(1).getDayOfWeek().getValue();
        }

        /** The weeks the grid spans, 4 to 6. */
        public int getWeeks() {
            return (getStartColumn() - 1 + month.lengthOfMonth() + 6) / 7;
        }

        public List<Day> getPresentDays() {
            return days.stream().filter(Day::isPresent).toList();
        }

        /** The month in words, with every number the grid shows. */
        public String getSummary() {
            List<Day> present = getPresentDays();
            String who = symptom.label + " in " + getTitle();
            if (present.isEmpty()) {
                return who + (daysInRange == 1 ? ": not logged on its 1 day." : ": not logged on any of " + daysInRange + " days.");
            }
            StringBuilder words = new StringBuilder(who).append(": on ").append(present.size()).append(" of ")
                    .append(daysInRange).append(daysInRange == 1 ? " day" : " days").append(" (highest severity ");
            for (int i = 0; i < present.size(); i++) {
                Day day = present.get(i);
                words.append(i == 0 ? "" : ", ").append(day.date().format(DAY)).append(": ").append(day.severity());
            }
            return words.append(").").toString();
        }
    }

    /** One symptom over the calendar's days. */
    public record Row(Symptom symptom, List<Month> months, int daysPresent, int days) {
    }

    private final DateRange shown;
    private final boolean cut;
    private final List<Row> rows;

    private SymptomCalendar(DateRange shown, boolean cut, List<Row> rows) {
        this.shown = shown;
        this.cut = cut;
        this.rows = rows;
    }

    /**
     * The days of {@code range} the calendar shows: all of them, or those of its last {@value #MAX_MONTHS} months.
     */
    public static DateRange shownDays(DateRange range) {
        LocalDate firstShown = YearMonth.from(range.to()).minusMonths(MAX_MONTHS - 1).atDay(1);
        return firstShown.isAfter(range.from()) ? new DateRange(firstShown, range.to()) : range;
    }

    /**
     * The calendar of {@code range} from each symptom's days within {@link #shownDays} (date → highest severity of
     * that day's entries with the symptom). Symptoms in contract order; those never logged in the days are left out.
     */
    public static SymptomCalendar of(DateRange range, Map<Symptom, Map<LocalDate, Integer>> days) {
        DateRange shown = shownDays(range);
        List<Row> rows = new ArrayList<>();
        for (Symptom symptom : Symptom.values()) {
            Map<LocalDate, Integer> logged = days.getOrDefault(symptom, Map.of());
            Map<LocalDate, Integer> inShown = new TreeMap<>();
            logged.forEach((date, severity) -> {
                if (shown.contains(date)) {
                    inShown.put(date, severity);
                }
            });
            if (inShown.isEmpty()) {
                continue;
            }
            List<Month> months = new ArrayList<>();
            for (YearMonth month = YearMonth.from(shown.from()); !month.isAfter(YearMonth.from(shown.to()));
                    month = month.plusMonths(1)) {
                months.add(month(symptom, month, shown, inShown));
            }
            rows.add(new Row(symptom, List.copyOf(months), inShown.size(), shown.days()));
        }
        return new SymptomCalendar(shown, !shown.equals(range), List.copyOf(rows));
    }

    private static Month month(Symptom symptom, YearMonth month, DateRange shown, Map<LocalDate, Integer> logged) {
        List<Day> days = new ArrayList<>(month.lengthOfMonth());
        int inRange = 0;
        for (int d = 1; d <= month.lengthOfMonth(); d++) {
            LocalDate date = month.atDay(d);
            boolean in = shown.contains(date);
            inRange += in ? 1 : 0;
            days.add(new Day(date, in, in ? logged.get(date) : null));
        }
        return new Month(symptom, month, List.copyOf(days), inRange);
    }

    public DateRange getShown() {
        return shown;
    }

    /** True when the range is longer than the calendar shows. */
    public boolean isCut() {
        return cut;
    }

    public int getMaxMonths() {
        return MAX_MONTHS;
    }

    public List<Row> getRows() {
        return rows;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }
}
