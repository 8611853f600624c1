package io.heavylegs.labs;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One test's history as a small drawing computed on the server (no script): the results in one unit, oldest to
 * newest, spaced by their dates and joined by a line, over the band of the range the lab printed with the latest
 * of them. Results in another unit are not drawn: the app never converts units, and joining 12 µg/L to 30 nmol/L
 * would draw a change that did not happen.
 */
public final class LabChart {

    public static final int WIDTH = 320;
    public static final int HEIGHT = 140;
    /** The narrowest left margin: room for a value label of six characters. */
    private static final int MIN_LEFT = 48;
    /** Space between a value label and the plot. */
    private static final int LABEL_GAP = 6;
    /**
     * A character of the 12 px labels, at most (DejaVu Sans digits are 7.6 px wide), to widen the left margin for
     * a long value: a result may have 9 digits before the point and 6 after.
     */
    private static final double LABEL_CHAR = 7.7;
    private static final int RIGHT = 14;
    private static final int TOP = 12;
    private static final int BOTTOM = 28;
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d MMM yy", Locale.ENGLISH);
    private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    /** A drawn result and what it says when pointed at. */
    public record Point(String x, String y, String label) {
    }

    /** A label on an axis; {@code anchor} keeps the end labels inside the drawing. */
    public record Tick(String x, String y, String label, String anchor) {
    }

    /** The printed range as a shaded band, from {@code y} down {@code height}. */
    public record Band(String y, String height, String text) {
    }

    private final String title;
    private final String unit;
    private final List<Point> points = new ArrayList<>();
    private final List<Tick> ticks = new ArrayList<>();
    private final Band band;
    private final String line;
    private final String summary;
    private final double yMin;
    private final double yMax;
    /** Where the plot starts: right of the longest value label, which must never be cut off. */
    private final int left;

    /**
     * @param title the test as headings name it
     * @param sameUnit the results in the latest result's unit, oldest first; not empty
     */
    LabChart(String title, List<LabResult> sameUnit) {
        this.title = title;
        LabResult latest = sameUnit.get(sameUnit.size() - 1);
        this.unit = latest.unit;
        double lo = sameUnit.stream().mapToDouble(r -> r.value.doubleValue()).min().orElseThrow();
        double hi = sameUnit.stream().mapToDouble(r -> r.value.doubleValue()).max().orElseThrow();
        double dataLo = lo;
        double dataHi = hi;
        if (latest.low != null) {
            lo = Math.min(lo, latest.low.doubleValue());
        }
        if (latest.high != null) {
            hi = Math.max(hi, latest.high.doubleValue());
        }
        double pad = hi > lo ? (hi - lo) * 0.12 : Math.max(Math.abs(hi) * 0.2, 1);
        yMin = Math.max(0, lo - pad);
        yMax = hi + pad;

        String hiLabel = plain(dataHi, sameUnit);
        String loLabel = plain(dataLo, sameUnit);
        left = Math.max(MIN_LEFT, (int) Math.ceil(LABEL_GAP * 2
                + LABEL_CHAR * Math.max(hiLabel.length(), loLabel.length())));

        LocalDate first = sameUnit.get(0).date;
        LocalDate last = latest.date;
        long span = ChronoUnit.DAYS.between(first, last);
        StringBuilder path = new StringBuilder();
        for (LabResult result : sameUnit) {
            double x = span == 0 ? (left + WIDTH - RIGHT) / 2.0
                    : left + (WIDTH - left - RIGHT) * ChronoUnit.DAYS.between(first, result.date) / (double) span;
            Point point = new Point(format(x), format(y(result.value.doubleValue())), result.valueWithUnit() + " on "
                    + result.date.format(LONG) + result.position().map(p -> ", " + p.words()).orElse(""));
            points.add(point);
            path.append(path.isEmpty() ? "" : " ").append(point.x()).append(',').append(point.y());
        }
        line = points.size() > 1 ? path.toString() : null;

        if (latest.hasRange()) {
            double top = latest.high == null ? yMax : latest.high.doubleValue();
            double bottom = latest.low == null ? yMin : latest.low.doubleValue();
            band = new Band(format(y(top)), format(y(bottom) - y(top)), latest.rangeText());
        } else {
            band = null;
        }
        ticks.add(new Tick(format(left - LABEL_GAP), format(y(dataHi)), hiLabel, "end"));
        if (dataLo != dataHi) {
            ticks.add(new Tick(format(left - LABEL_GAP), format(y(dataLo)), loLabel, "end"));
        }
        String baseline = format(HEIGHT - BOTTOM + 18);
        if (span == 0) {
            ticks.add(new Tick(points.get(0).x(), baseline, first.format(SHORT), "middle"));
        } else {
            ticks.add(new Tick(format(left), baseline, first.format(SHORT), "start"));
            ticks.add(new Tick(format(WIDTH - RIGHT), baseline, last.format(SHORT), "end"));
        }
        summary = title + " in " + unit + ", " + (sameUnit.size() == 1 ? "one result" : sameUnit.size() + " results")
                + ": " + sameUnit.stream().map(r -> r.value.toPlainString() + " on " + r.date.format(LONG))
                        .collect(Collectors.joining(", "))
                + "." + (band == null ? "" : " Shaded: the range your lab printed with the latest result, " + band.text()
                        + ".");
    }

    private double y(double value) {
        return TOP + (HEIGHT - TOP - BOTTOM) * (yMax - value) / (yMax - yMin);
    }

    /** A tick label as the lab printed that value, when one of the results has it. */
    private static String plain(double value, List<LabResult> results) {
        return results.stream().map(r -> r.value).filter(v -> v.doubleValue() == value).findFirst()
                .map(BigDecimal::toPlainString).orElse(Double.toString(value));
    }

    private static String format(double coordinate) {
        return String.format(Locale.ROOT, "%.1f", coordinate);
    }

    public String getTitle() {
        return title;
    }

    public String getUnit() {
        return unit;
    }

    public int getWidth() {
        return WIDTH;
    }

    public int getHeight() {
        return HEIGHT;
    }

    public int getPlotLeft() {
        return left;
    }

    public int getPlotRight() {
        return WIDTH - RIGHT;
    }

    public int getPlotWidth() {
        return WIDTH - RIGHT - left;
    }

    public int getPlotBottom() {
        return HEIGHT - BOTTOM;
    }

    public List<Point> getPoints() {
        return points;
    }

    public List<Tick> getTicks() {
        return ticks;
    }

    public Band getBand() {
        return band;
    }

    /** The polyline's points, or null for a single result (nothing to join). */
    public String getLine() {
        return line;
    }

    public String getSummary() {
        return summary;
    }
}
