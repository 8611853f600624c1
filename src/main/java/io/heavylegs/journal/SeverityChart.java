package io.heavylegs.journal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The drawing of "highest severity per day" over a date range, computed on the server so that the page needs
 * no script: one point per day with entries, a line between consecutive days, and a gap where a day has none.
 * Rendered by the {@code severityChart} tag; any page can build one for any range.
 */
public final class SeverityChart {

    public static final int WIDTH = 640;
    public static final int HEIGHT = 240;
    private static final int LEFT = 40;
    private static final int RIGHT = 16;
    private static final int TOP = 14;
    private static final int BOTTOM = 36;
    private static final int MAX_X_LABELS = 6;
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    /** A day with entries: where it is drawn and what it says when pointed at. */
    public record Point(String x, String y, LocalDate date, int severity) {
        public String label() {
            return date.format(LONG) + ": highest severity " + severity;
        }
    }

    /** A label on an axis, with the position of its grid line; {@code anchor} keeps end labels inside. */
    public record Tick(String x, String y, String label, String anchor) {
    }

    private final LocalDate from;
    private final LocalDate to;
    private final List<Point> points = new ArrayList<>();
    private final List<String> lines = new ArrayList<>();
    private final List<Tick> xTicks = new ArrayList<>();
    private final List<Tick> yTicks = new ArrayList<>();
    private final int daysWithEntries;
    private final Optional<Point> highest;

    private SeverityChart(LocalDate from, LocalDate to, Map<LocalDate, Integer> highestByDay) {
        this.from = from;
        this.to = to;
        int days = (int) ChronoUnit.DAYS.between(from, to) + 1;
        StringBuilder line = new StringBuilder();
        int pointsInLine = 0;
        for (int day = 0; day < days; day++) {
            LocalDate date = from.plusDays(day);
            Integer severity = highestByDay.get(date);
            if (severity == null) {
                pointsInLine = endLine(line, pointsInLine);
                continue;
            }
            Point point = new Point(format(x(day, days)), format(y(severity)), date, severity);
            points.add(point);
            line.append(pointsInLine++ == 0 ? "" : " ").append(point.x()).append(',').append(point.y());
        }
        endLine(line, pointsInLine);
        for (int level = 0; level <= 10; level += 5) {
            yTicks.add(new Tick(format(LEFT - 8), format(y(level)), Integer.toString(level), "end"));
        }
        int labels = Math.min(days, MAX_X_LABELS);
        for (int i = 0; i < labels; i++) {
            int day = labels == 1 ? 0 : Math.round(i * (days - 1) / (float) (labels - 1));
            String anchor = labels > 1 && i == 0 ? "start" : labels > 1 && i == labels - 1 ? "end" : "middle";
            xTicks.add(new Tick(format(x(day, days)), format(HEIGHT - BOTTOM + 20), from.plusDays(day).format(SHORT),
                    anchor));
        }
        daysWithEntries = points.size();
        highest = points.stream().max(Comparator.comparingInt(Point::severity)
                .thenComparing(Point::date));
    }

    /** The chart of {@code from} to {@code to} (both included) from each day's highest severity. */
    public static SeverityChart of(LocalDate from, LocalDate to, Map<LocalDate, Integer> highestByDay) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("The range ends before it starts: " + from + " to " + to);
        }
        return new SeverityChart(from, to, highestByDay);
    }

    private int endLine(StringBuilder line, int pointsInLine) {
        if (pointsInLine > 1) {
            lines.add(line.toString());
        }
        line.setLength(0);
        return 0;
    }

    private static double x(int day, int days) {
        double plotWidth = WIDTH - LEFT - RIGHT;
        return days == 1 ? LEFT + plotWidth / 2 : LEFT + day * plotWidth / (days - 1);
    }

    private static double y(int severity) {
        double plotHeight = HEIGHT - TOP - BOTTOM;
        return TOP + (10 - severity) * plotHeight / 10;
    }

    /**
     * One decimal, rounded half up: "92.5". Not String.format, which builds locale symbols on every call and was
     * a measurable share of the journal page's CPU time (about 90 numbers per chart).
     */
    static String format(double value) {
        long tenths = Math.round(Math.abs(value) * 10);
        return (value < 0 && tenths > 0 ? "-" : "") + tenths / 10 + "." + tenths % 10;
    }

    public int getWidth() {
        return WIDTH;
    }

    public int getHeight() {
        return HEIGHT;
    }

    public String getPlotLeft() {
        return format(LEFT);
    }

    public String getPlotRight() {
        return format(WIDTH - RIGHT);
    }

    public String getPlotBottom() {
        return format(y(0));
    }

    public String getPlotTop() {
        return format(y(10));
    }

    public List<Point> getPoints() {
        return points;
    }

    /** The polylines of consecutive days; a day without entries ends one. Single days are points only. */
    public List<String> getLines() {
        return lines;
    }

    public List<Tick> getDateTicks() {
        return xTicks;
    }

    public List<Tick> getSeverityTicks() {
        return yTicks;
    }

    public boolean isEmpty() {
        return points.isEmpty();
    }

    public String getTitle() {
        return "Highest severity per day, " + from.format(LONG) + " to " + to.format(LONG);
    }

    /** The chart in words, for screen readers and for anyone who prefers a sentence to a drawing. */
    public String getSummary() {
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        if (highest.isEmpty()) {
            return "No entries in these " + days + " days.";
        }
        Point top = highest.get();
        double average = points.stream().mapToInt(Point::severity).average().orElse(0);
        return "Entries on " + daysWithEntries + " of " + days + " days. Highest severity " + top.severity()
                + " of 10, on " + top.date().format(LONG) + "; the daily highs average "
                + format(average) + ". Days without entries are gaps in the line.";
    }
}
