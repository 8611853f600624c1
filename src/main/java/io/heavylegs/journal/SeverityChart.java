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
 * diamond, so the kind of day shows by shape, not by colour alone. Rendered by the {@code severityChart} tag, with
 * the same numbers as a table; any page can build one for any range.
 * <p>
 * Treatments taken in the range are bands above the plot, lettered A, B, …; blood test results are numbered squares
 * in a row under it, each with a dotted line up through the plot on its day, so a doctor sees what was measured
 * when, against the severity of those days.
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
    private static final int BAND_TOP = 8;
    static final int RESULT_SIZE = 18;
    /** Results of days closer than this (in units) share one square, which would otherwise overlap. */
    private static final int RESULT_MIN_GAP = RESULT_SIZE + 4;
    /** Numbered squares drawn at most; the words count the others. */
    static final int MAX_RESULT_MARKERS = 9;
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
     * A blood test result as the chart is handed it: its day and what it says, in the lab's words only ("Ferritin
     * 12 µg/L, below the range the lab printed (30–400 µg/L)").
     */
    public record Reading(LocalDate date, String words, String brief) {

        public Reading(LocalDate date, String words) {
            this(date, words, words);
        }
    }

    /**
     * The results of one day (or of days too close to draw apart) as one numbered square under the plot, with a
     * dotted line up through the plot at {@code x}.
     */
    public record ResultMarker(String number, List<Reading> readings, String x, String squareX, String squareY,
            String numberX, String numberY) {

        public LocalDate getFirstDate() {
            return readings.get(0).date();
        }

        /** "1: 2 October 2026: Ferritin 12 µg/L, …; Haemoglobin 118 g/L". */
        public String getDescription() {
            return describe(LONG, Reading::words, "; ");
        }

        /** The short form a printed legend uses: "1: 2 Oct: Ferritin 12 µg/L (below), Haemoglobin 118 g/L". */
        public String getBriefDescription() {
            return describe(SHORT, Reading::brief, ", ");
        }

        private String describe(DateTimeFormatter dates, java.util.function.Function<Reading, String> said,
                String between) {
            StringBuilder words = new StringBuilder(number).append(": ");
            LocalDate day = null;
            for (Reading reading : readings) {
                if (!reading.date().equals(day)) {
                    words.append(day == null ? "" : "; ").append(reading.date().format(dates)).append(": ");
                    day = reading.date();
                } else {
                    words.append(between);
                }
                words.append(said.apply(reading));
            }
            return words.toString();
        }
    }

    /**
     * The drawing's proportions: its width in units, the plot's height, a treatment band's row and the row of
     * result squares under the plot. Labels are 13 units in both, so a wider drawing has smaller labels.
     */
    public record Layout(int width, int plotHeight, int bandRow, int resultRow, int top, int bottom) {

        /** The journal and the report page: {@value #WIDTH} units wide, the plot {@value #HEIGHT} less margins. */
        public static final Layout SCREEN = new Layout(WIDTH, HEIGHT - TOP - BOTTOM, BAND_ROW, 26, TOP, BOTTOM);

        /**
         * The PDF: drawn about 105 mm wide (so 13 units are about 7 pt), half as tall, with the margins its
         * labels need on paper (the phone's 21-unit labels need the screen's).
         */
        public static final Layout PAPER = new Layout(600, 112, 16, 24, 18, 34);
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
    private final int moreTreatments;
    private final List<ResultMarker> results = new ArrayList<>();
    private final int moreResults;
    private final int top;
    private final int height;
    private final Optional<Point> highest;

    private SeverityChart(LocalDate from, LocalDate to, Map<LocalDate, Day> days, List<Span> spans,
            List<Reading> readings, Layout layout) {
        this.layout = layout;
        this.from = from;
        this.to = to;
        int count = (int) ChronoUnit.DAYS.between(from, to) + 1;
        int shown = Math.min(spans.size(), MAX_BANDS);
        this.moreTreatments = spans.size() - shown;
        this.top = layout.top() + shown * layout.bandRow();
        List<Reading> inRange = readings.stream().filter(r -> !r.date().isBefore(from) && !r.date().isAfter(to))
                .sorted(Comparator.comparing(Reading::date)).toList();
        this.height = layout.top() + shown * layout.bandRow() + layout.plotHeight()
                + (inRange.isEmpty() ? 0 : layout.resultRow()) + layout.bottom();
        this.moreResults = placeResults(inRange, count);
        for (int i = 0; i < shown; i++) {
            Span span = spans.get(i);
            LocalDate start = span.started().isBefore(from) ? from : span.started();
            LocalDate end = span.stopped() == null || span.stopped().isAfter(to) ? to : span.stopped();
            double left = x((int) ChronoUnit.DAYS.between(from, start), count) - 4;
            double right = x((int) ChronoUnit.DAYS.between(from, end), count) + 4;
            // The band is 8 units high, in the middle of its row, its letter level with it.
            double bandY = BAND_TOP + i * layout.bandRow() + (layout.bandRow() - 8) / 2.0;
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

    /**
     * Groups the results into numbered squares, in date order; a result whose day is drawn too close to the
     * square before it joins that square. Returns how many results did not get one of the
     * {@value #MAX_RESULT_MARKERS} squares.
     */
    private int placeResults(List<Reading> readings, int count) {
        double squareY = y(0, top) + (layout.resultRow() - RESULT_SIZE) / 2.0;
        List<Reading> group = new ArrayList<>();
        double groupX = 0;
        int left = 0;
        for (Reading reading : readings) {
            double x = x((int) ChronoUnit.DAYS.between(from, reading.date()), count);
            if (!group.isEmpty() && x - groupX < RESULT_MIN_GAP) {
                group.add(reading);
                continue;
            }
            if (!group.isEmpty()) {
                addMarker(group, groupX, squareY);
            }
            if (results.size() == MAX_RESULT_MARKERS) {
                group = new ArrayList<>();
                left++;
                continue;
            }
            group = new ArrayList<>(List.of(reading));
            groupX = x;
        }
        if (!group.isEmpty()) {
            addMarker(group, groupX, squareY);
        }
        return left;
    }

    private void addMarker(List<Reading> readings, double x, double squareY) {
        // The square stays inside the drawing at the range's ends; the dotted line keeps the day's own x.
        double squareX = Math.max(0, Math.min(layout.width() - RESULT_SIZE, x - RESULT_SIZE / 2.0));
        results.add(new ResultMarker(Integer.toString(results.size() + 1), List.copyOf(readings), format(x),
                format(squareX), format(squareY), format(squareX + RESULT_SIZE / 2.0),
                format(squareY + RESULT_SIZE / 2.0)));
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

    /**
     * The same with blood test results as numbered squares under the plot (those dated in the range; the first
     * {@value #MAX_RESULT_MARKERS} squares, the legend counts the results left out).
     */
    public static SeverityChart withMarks(LocalDate from, LocalDate to, Map<LocalDate, Day> days, List<Span> spans,
            List<Reading> readings) {
        return withMarks(from, to, days, spans, readings, Layout.SCREEN);
    }

    /** The same drawn in {@code layout}'s proportions. */
    public static SeverityChart withMarks(LocalDate from, LocalDate to, Map<LocalDate, Day> days, List<Span> spans,
            List<Reading> readings, Layout layout) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("The range ends before it starts: " + from + " to " + to);
        }
        return new SeverityChart(from, to, days, spans, readings, layout);
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

    /** Treatments of the range beyond the {@value #MAX_BANDS} drawn. */
    public int getMoreTreatments() {
        return moreTreatments;
    }

    /** The numbered squares of the blood test results, oldest first. */
    public List<ResultMarker> getResults() {
        return results;
    }

    /** Results of the range beyond the {@value #MAX_RESULT_MARKERS} squares drawn. */
    public int getMoreResults() {
        return moreResults;
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
            return "No entries in these " + days + " days.";
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
        for (Band band : bands) {
            summary.append(" Treatment ").append(band.getDescription()).append('.');
        }
        for (ResultMarker result : results) {
            summary.append(" Blood test ").append(result.getDescription()).append('.');
        }
        return summary.toString();
    }
}
