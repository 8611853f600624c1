package io.heavylegs.insights;

import java.time.DayOfWeek;
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
 * ({@link InsightsReads#symptomDays}). A long range shows its last {@value #MAX_MONTHS} months, and says so.
 */
public final class SymptomCalendar {

    public static final int MAX_MONTHS = 6;
    /** A cell of the month grid, in SVG units drawn at their natural size (1 unit = 1 CSS pixel) on any screen. */
    static final int CELL = 42;
    static final int HEADER = 22;
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM", Locale.ENGLISH);
    private static final List<String> WEEKDAYS = List.of("M", "T", "W", "T", "F", "S", "S");

    /** A day of a month grid; {@code severity} is null on a day without the symptom. */
    public record Day(LocalDate date, boolean inRange, Integer severity, int x, int y) {

        public boolean isPresent() {
            return severity != null;
        }

        /** 1 (severity 0–2) to 4 (7–10): darker for worse days. */
        public int getShade() {
            return severity == null ? 0 : severity <= 2 ? 1 : severity <= 4 ? 2 : severity <= 6 ? 3 : 4;
        }

        /** The square leaves a gap of one unit on each side within its cell. */
        public int getCellX() {
            return x + 1;
        }

        public int getCellY() {
            return y + 1;
        }

        public int getDayOfMonth() {
            return date.getDayOfMonth();
        }

        public int getNumberX() {
            return x + CELL / 2;
        }

        public int getNumberY() {
            return y + CELL - 9;
        }

        public int getDayX() {
            return x + 4;
        }

        public int getDayY() {
            return y + 14;
        }

        public String getLabel() {
            return date.format(DAY) + (severity == null ? ": not logged" : ": highest severity " + severity);
        }
    }

    /** A weekday letter over its column. */
    public record Weekday(String letter, int x) {
    }

    /** One month of one symptom. */
    public record Month(Symptom symptom, YearMonth month, List<Day> days, int rows, int daysInRange) {

        public String getTitle() {
            return month.atDay(1).format(MONTH);
        }

        public String getId() {
            return "calendar-" + symptom.code + "-" + month;
        }

        public int getWidth() {
            return 7 * CELL;
        }

        public int getHeight() {
            return HEADER + rows * CELL;
        }

        public List<Weekday> getWeekdays() {
            List<Weekday> letters = new ArrayList<>(7);
            for (int i = 0; i < 7; i++) {
                letters.add(new Weekday(WEEKDAYS.get(i), i * CELL + CELL / 2));
            }
            return letters;
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
        int offset = month.atDay(1).getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue();
        List<Day> days = new ArrayList<>(month.lengthOfMonth());
        int inRange = 0;
        for (int d = 1; d <= month.lengthOfMonth(); d++) {
            LocalDate date = month.atDay(d);
            int cell = offset + d - 1;
            boolean in = shown.contains(date);
            inRange += in ? 1 : 0;
            days.add(new Day(date, in, in ? logged.get(date) : null, (cell % 7) * CELL, HEADER + (cell / 7) * CELL));
        }
        int rows = (offset + month.lengthOfMonth() + 6) / 7;
        return new Month(symptom, month, List.copyOf(days), rows, inRange);
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
