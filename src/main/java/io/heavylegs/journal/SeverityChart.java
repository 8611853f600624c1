package io.heavylegs.journal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.heavylegs.codes.MarkCode;

/**
 * The drawing of "highest severity per day" over a date range, computed on the server so that the page needs
 * no script: one point per day with entries, a line between consecutive days, and a gap where a day has none. A day
 * with a red flag (a care mark: get help now, see a doctor) is drawn as a triangle, a day with another mark as a
 * diamond, so the kind of day shows by shape, not by colour alone. Treatments are bands above the line and blood test
 * results small squares in a row of their own above it, so neither covers a point. Rendered by the
 * {@code severityChart} tag, with the same numbers as a table; any page can build one for any range.
 * <p>
 * On screen ({@link Layout#SCREEN}) the drawing is {@value #WIDTH} × {@value #HEIGHT} units (more with bands and
 * results): on a 375 px phone it is drawn about 300 px wide, and the stylesheet gives its labels 21 units there
 * (about 13 px); on a wider screen it grows to at most 36rem. On paper ({@link Layout#PAPER}) it is wider and
 * flatter, so that it takes a third of a page 1 column's height and its labels stay about 7 pt.
 */
public final class SeverityChart {

    public static final int WIDTH = 480;
    public static final int HEIGHT = 280;
    static final int LEFT = 36;
    static final int RIGHT = 14;
    static final int TOP = 16;
    static final int BOTTOM = 44;
    private static final int MAX_X_LABELS = 5;
    static final int MAX_BANDS = 4;
    static final int BAND_ROW = 22;
    /** The side of a blood test result's square, in drawing units. */
    static final int RESULT_SIZE = 12;
    private static final int BAND_TOP = 8;
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter PRINTED = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    /** What a day holds: its highest severity and the marks of its entries. */
    public record Day(int highest, Set<MarkCode> marks) {
        public Day {
            marks = marks.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(marks));
        }

        public static Day of(int highest) {
            return new Day(highest, Set.of());
        }
    }

    /** A day with entries: where it is drawn and what it says when pointed at. */
    public record Point(String x, String y, LocalDate date, int severity, List<MarkCode> marks, String shape) {

        /** A care mark (urgent, see a doctor) on any of the day's entries: drawn as a triangle. */
        public boolean isRedFlag() {
            return marks.stream().anyMatch(MarkCode::isCare);
        }

        /** Another mark and no red flag: drawn as a diamond. */
        public boolean isMarked() {
            return !isRedFlag() && !marks.isEmpty();
        }

        /** The corners of the point's triangle (a red flag) or diamond (another mark); empty for a plain day. */
        public String getShape() {
            return shape;
        }

        public String getMarkLabels() {
            return marks.stream().map(MarkCode::label).collect(Collectors.joining(", "));
        }

        public String label() {
            return date.format(LONG) + ": highest severity " + severity + (marks.isEmpty() ? "" : "; " + getMarkLabels());
        }

        public String getDateText() {
            return date.format(LONG);
        }
    }

    /** A treatment as the chart is handed it; {@code stopped} null: still taking it. */
    public record Span(String name, String kind, LocalDate started, LocalDate stopped) {
    }

    /**
     * A treatment drawn as a band above the line over the days it covers, lettered A, B, … in the left margin and
     * named in the legend under the chart.
     */
    public record Band(String letter, Span span, String x, String y, String width, String labelY) {

        public String getDescription() {
            return letter + ": " + span.name() + " (" + span.kind() + "), " + span.started().format(LONG) + " to "
                    + (span.stopped() == null ? "now" : span.stopped().format(LONG));
        }

        /** The short form a printed legend uses: "A: Vitamin B12 since 3 Sep 2026", "B: Iron 1 Feb–15 May 2026". */
        public String getBriefDescription() {
            return letter + ": " + span.name() + (span.stopped() == null ? " since " + span.started().format(PRINTED)
                    : " " + span.started().format(PRINTED) + "\u2013" + span.stopped().format(PRINTED));
        }
    }

    /**
     * A blood test result as the chart is handed it: the test's name, the value with its unit, and where it lies
     * against the range the lab printed, in the lab's words ({@code position} null: no range printed).
     */
    public record Result(LocalDate date, String test, String value, String position) {

        /** "Ferritin 12 µg/L, below the range your lab printed (30–400 µg/L)". */
        public String getWords() {
            return test + " " + value + (position == null ? "" : ", " + position);
        }

        public String getDateText() {
            return date.format(LONG);
        }

        /**
         * The short form a printed legend uses: "2 Oct: Ferritin 12 µg/L (below)". The position's words start with
         * the word of {@code labs/RangePosition} (below, within, above), which is all paper needs beside the
         * report's table of results.
         */
        public String getBrief() {
            return date.format(SHORT) + ": " + test + " " + value
                    + (position == null ? "" : " (" + position.split(" ", 2)[0] + ")");
        }
    }

    /** The results of one day: a square in the results row, at the day's place on the date axis. */
    public record ResultDay(LocalDate date, String x, String y, List<Result> results) {

        public String getLabel() {
            return date.format(LONG) + ": blood test " + results.stream().map(Result::getWords)
                    .collect(Collectors.joining("; "));
        }
    }

    /**
     * The drawing's proportions: its width in units, the plot's height, a row of treatment bands or of result
     * squares, and the margins above and below the plot. Labels are 13 units in both, so a wider drawing has
     * smaller labels.
     */
    public record Layout(int width, int plotHeight, int row, int top, int bottom) {

        /** The journal and the report page: {@value #WIDTH} units wide, the plot {@value #HEIGHT} less margins. */
        public static final Layout SCREEN = new Layout(WIDTH, HEIGHT - TOP - BOTTOM, BAND_ROW, TOP, BOTTOM);

        /**
         * The PDF: drawn about 105 mm wide (so 13 units are about 7 pt), half as tall, with the margins its labels
         * need on paper (the phone's 21-unit labels need the screen's).
         */
        public static final Layout PAPER = new Layout(600, 112, 16, 18, 34);
    }

    /** A label on an axis, with the position of its grid line; {@code anchor} keeps end labels inside. */
    public record Tick(String x, String y, String label, String anchor) {
    }

    private final Layout layout;
    private final LocalDate from;
    private final LocalDate to;
    private final List<Point> points = new ArrayList<>();
    private final List<String> lines = new ArrayList<>();
    private final List<Tick> xTicks = new ArrayList<>();
    private final List<Tick> yTicks = new ArrayList<>();
    private final List<Band> bands = new ArrayList<>();
    private final List<Result> results;
    private final List<ResultDay> resultDays = new ArrayList<>();
    private final int moreTreatments;
    private final int top;
    private final int height;
    private final Optional<Point> highest;

    private SeverityChart(LocalDate from, LocalDate to, Map<LocalDate, Day> days, List<Span> spans,
            List<Result> results, Layout layout) {
        this.layout = layout;
        this.from = from;
        this.to = to;
        int count = (int) ChronoUnit.DAYS.between(from, to) + 1;
        int shown = Math.min(spans.size(), MAX_BANDS);
        this.moreTreatments = spans.size() - shown;
        this.results = results.stream().filter(r -> !r.date().isBefore(from) && !r.date().isAfter(to))
                .sorted(Comparator.comparing(Result::date)).toList();
        int rows = shown + (this.results.isEmpty() ? 0 : 1);
        this.top = layout.top() + rows * layout.row();
        this.height = layout.top() + rows * layout.row() + layout.plotHeight() + layout.bottom();
        // One square per day with results, however many tests that day: a day's tests are one blood draw.
        Map<LocalDate, List<Result>> byDay = this.results.stream()
                .collect(Collectors.groupingBy(Result::date, java.util.TreeMap::new, Collectors.toList()));
        int resultsRowTop = BAND_TOP + shown * layout.row();
        byDay.forEach((date, ofDay) -> resultDays.add(new ResultDay(date,
                format(x((int) ChronoUnit.DAYS.between(from, date), count) - RESULT_SIZE / 2.0),
                format(resultsRowTop + layout.row() / 2.0 - RESULT_SIZE / 2.0), List.copyOf(ofDay))));
        for (int i = 0; i < shown; i++) {
            Span span = spans.get(i);
            LocalDate start = span.started().isBefore(from) ? from : span.started();
            LocalDate end = span.stopped() == null || span.stopped().isAfter(to) ? to : span.stopped();
            double left = x((int) ChronoUnit.DAYS.between(from, start), count) - 4;
            double right = x((int) ChronoUnit.DAYS.between(from, end), count) + 4;
            // The band is 8 units high, in the middle of its row, its letter level with it.
            double bandY = BAND_TOP + i * layout.row() + (layout.row() - 8) / 2.0;
            bands.add(new Band(String.valueOf((char) ('A' + i)), span, format(left), format(bandY),
                    format(right - left), format(bandY + 4)));
        }
        StringBuilder line = new StringBuilder();
        int pointsInLine = 0;
        for (int i = 0; i < count; i++) {
            LocalDate date = from.plusDays(i);
            Day day = days.get(date);
            if (day == null) {
                pointsInLine = endLine(line, pointsInLine);
                continue;
            }
            double cx = x(i, count);
            double cy = y(day.highest(), top);
            List<MarkCode> marks = MarkCode.inDisplayOrder(day.marks().stream().map(MarkCode::code).toArray(String[]::new));
            Point point = new Point(format(cx), format(cy), date, day.highest(), marks, shape(cx, cy, marks));
            points.add(point);
            line.append(pointsInLine++ == 0 ? "" : " ").append(point.x()).append(',').append(point.y());
        }
        endLine(line, pointsInLine);
        for (int level = 0; level <= 10; level += 5) {
            yTicks.add(new Tick(format(LEFT - 8), format(y(level, top)), Integer.toString(level), "end"));
        }
        int labels = Math.min(count, MAX_X_LABELS);
        for (int i = 0; i < labels; i++) {
            int day = labels == 1 ? 0 : Math.round(i * (count - 1) / (float) (labels - 1));
            String anchor = labels > 1 && i == 0 ? "start" : labels > 1 && i == labels - 1 ? "end" : "middle";
            xTicks.add(new Tick(format(x(day, count)), format(height - 18), from.plusDays(day).format(SHORT),
                    anchor));
        }
        highest = points.stream().max(Comparator.comparingInt(Point::severity).thenComparing(Point::date));
    }

    /** The chart of {@code from} to {@code to} (both included) from each day's highest severity, without marks. */
    public static SeverityChart of(LocalDate from, LocalDate to, Map<LocalDate, Integer> highestByDay) {
        return withMarks(from, to, highestByDay.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> Day.of(e.getValue()))));
    }

    /** The chart of {@code from} to {@code to} (both included) from each day's highest severity and marks. */
    public static SeverityChart withMarks(LocalDate from, LocalDate to, Map<LocalDate, Day> days) {
        return withMarks(from, to, days, List.of());
    }

    /**
     * The same with the treatments taken during the range as bands, in the order given (the first
     * {@value #MAX_BANDS}; the legend counts the others).
     */
    public static SeverityChart withMarks(LocalDate from, LocalDate to, Map<LocalDate, Day> days, List<Span> spans) {
        return withMarks(from, to, days, spans, List.of());
    }

    /** The same with the blood test results of the range as squares (those outside it are left out). */
    public static SeverityChart withMarks(LocalDate from, LocalDate to, Map<LocalDate, Day> days, List<Span> spans,
            List<Result> results) {
        return withMarks(from, to, days, spans, results, Layout.SCREEN);
    }

    /** The same drawn in {@code layout}'s proportions. */
    public static SeverityChart withMarks(LocalDate from, LocalDate to, Map<LocalDate, Day> days, List<Span> spans,
            List<Result> results, Layout layout) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("The range ends before it starts: " + from + " to " + to);
        }
        return new SeverityChart(from, to, days, spans, results, layout);
    }

    /** A triangle for a red flag, a diamond for another mark, nothing (a circle) for a day without marks. */
    private static String shape(double cx, double cy, List<MarkCode> marks) {
        if (marks.stream().anyMatch(MarkCode::isCare)) {
            return format(cx) + "," + format(cy - 9) + " " + format(cx + 8) + "," + format(cy + 6) + " "
                    + format(cx - 8) + "," + format(cy + 6);
        }
        if (!marks.isEmpty()) {
            return format(cx) + "," + format(cy - 7) + " " + format(cx + 7) + "," + format(cy) + " " + format(cx)
                    + "," + format(cy + 7) + " " + format(cx - 7) + "," + format(cy);
        }
        return "";
    }

    private int endLine(StringBuilder line, int pointsInLine) {
        if (pointsInLine > 1) {
            lines.add(line.toString());
        }
        line.setLength(0);
        return 0;
    }

    private double x(int day, int days) {
        double plotWidth = layout.width() - LEFT - RIGHT;
        return days == 1 ? LEFT + plotWidth / 2 : LEFT + day * plotWidth / (days - 1);
    }

    /** The plot keeps its height; treatment bands add rows above it, which move it down by {@code top - TOP}. */
    private double y(int severity, int top) {
        return top + (10 - severity) * (double) layout.plotHeight() / 10;
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
        return layout.width();
    }

    public int getHeight() {
        return height;
    }

    public String getBandLabelX() {
        return format(LEFT - 8);
    }

    public List<Band> getBands() {
        return bands;
    }

    /** The blood test results of the range, oldest first: the legend and the table list each. */
    public List<Result> getResults() {
        return results;
    }

    /** The squares: one per day with results. */
    public List<ResultDay> getResultDays() {
        return resultDays;
    }

    public int getResultSize() {
        return RESULT_SIZE;
    }

    /** Treatments of the range beyond the {@value #MAX_BANDS} drawn. */
    public int getMoreTreatments() {
        return moreTreatments;
    }

    public String getPlotLeft() {
        return format(LEFT);
    }

    public String getPlotRight() {
        return format(layout.width() - RIGHT);
    }

    public String getPlotBottom() {
        return format(y(0, top));
    }

    public String getPlotTop() {
        return format(y(10, top));
    }

    public LocalDate getFrom() {
        return from;
    }

    public LocalDate getTo() {
        return to;
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

    public long getRedFlagDays() {
        return points.stream().filter(Point::isRedFlag).count();
    }

    public long getMarkedDays() {
        return points.stream().filter(Point::isMarked).count();
    }

    public String getTitle() {
        return "Highest severity per day, " + from.format(LONG) + " to " + to.format(LONG);
    }

    /** The chart in words, for screen readers and for anyone who prefers a sentence to a drawing. */
    public String getSummary() {
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        if (highest.isEmpty()) {
            return "No entries in these " + days + " days." + resultsSentence();
        }
        Point top = highest.get();
        double average = points.stream().mapToInt(Point::severity).average().orElse(0);
        StringBuilder summary = new StringBuilder("Entries on ").append(points.size()).append(" of ").append(days)
                .append(" days. Highest severity ").append(top.severity()).append(" of 10, on ")
                .append(top.date().format(LONG)).append("; the daily highs average ").append(format(average)).append('.');
        long redFlags = getRedFlagDays();
        long marked = getMarkedDays();
        if (redFlags > 0) {
            summary.append(' ').append(redFlags).append(redFlags == 1 ? " day has" : " days have")
                    .append(" a red flag (triangle).");
        }
        if (marked > 0) {
            summary.append(' ').append(marked).append(redFlags > 0 ? " other" : "")
                    .append(marked == 1 ? " day has" : " days have").append(" a mark (diamond).");
        }
        summary.append(" Days without entries are gaps in the line.");
        summary.append(resultsSentence());
        for (Band band : bands) {
            summary.append(" Treatment ").append(band.getDescription()).append('.');
        }
        return summary.toString();
    }

    /** " 3 blood test results on 2 days (squares above the line)." or nothing; each is listed under the chart. */
    private String resultsSentence() {
        if (results.isEmpty()) {
            return "";
        }
        return " " + results.size() + (results.size() == 1 ? " blood test result" : " blood test results")
                + (resultDays.size() == 1 ? " on 1 day" : " on " + resultDays.size() + " days")
                + " (squares above the line).";
    }
}
