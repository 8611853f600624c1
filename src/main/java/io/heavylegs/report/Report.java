package io.heavylegs.report;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

import io.heavylegs.codes.Factor;
import io.heavylegs.journal.EntryView;
import io.heavylegs.journal.SeverityChart;
import io.heavylegs.codes.Symptom;
import io.heavylegs.codes.MarkCode;
import io.heavylegs.marks.MarkingRules;

/**
 * Everything the doctor report shows for one range, computed in Java from the range's entries (oldest first)
 * and their stored marks. Pure: no database, no clock; the service hands in the entries and the time.
 */
public final class Report {

    public static final int SEVERE = 7;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.ENGLISH);

    /** A symptom's presence over the range: on how many of the logged days, first and last seen. */
    public record SymptomFrequency(Symptom symptom, int days, int percentOfLoggedDays, LocalDate first,
            LocalDate last) {
    }

    public record FactorFrequency(Factor factor, int days, LocalDate first, LocalDate last) {
    }

    /** One mark code over the range, with its one-line explanation. */
    public record MarkSummary(MarkCode code, int entries, LocalDate first, LocalDate last, String explanation) {
    }

    /** What to ask the doctor about, for one mark present in the range. */
    public record Discussion(MarkCode code, String topic, String detail) {
    }

    private final ReportRange range;
    private final LocalDateTime generatedAt;
    private final List<EntryView> entries;
    private final Map<LocalDate, Integer> highestSeverityByDay = new TreeMap<>();
    private final List<SymptomFrequency> symptoms;
    private final List<FactorFrequency> factors;
    private final List<MarkSummary> marks;
    private final List<Discussion> discussions;

    private Report(ReportRange range, List<EntryView> entries, Function<MarkCode, Optional<String>> explanations,
            LocalDateTime generatedAt) {
        this.range = range;
        this.generatedAt = generatedAt;
        this.entries = entries.stream()
                .sorted(Comparator.comparing(EntryView::date)
                        .thenComparing(EntryView::time, Comparator.nullsFirst(Comparator.naturalOrder())))
                .toList();
        this.entries.forEach(e -> highestSeverityByDay.merge(e.date(), e.severity(), Math::max));
        this.symptoms = symptomFrequencies();
        this.factors = factorFrequencies();
        this.marks = markSummaries(explanations);
        this.discussions = discussions();
    }

    /**
     * The report of {@code range} from its entries; entries dated outside the range are the caller's mistake and
     * refused. {@code explanations} gives each mark code's one line.
     */
    public static Report of(ReportRange range, List<EntryView> entries,
            Function<MarkCode, Optional<String>> explanations, LocalDateTime generatedAt) {
        entries.stream().filter(e -> !range.contains(e.date())).findAny().ifPresent(e -> {
            throw new IllegalArgumentException("Entry of " + e.date() + " is outside " + range);
        });
        return new Report(range, entries, explanations, generatedAt);
    }

    public ReportRange getRange() {
        return range;
    }

    public String getGeneratedAtText() {
        return generatedAt.format(GENERATED);
    }

    /** The journal's severity chart over the whole range, one point per day with entries. */
    public SeverityChart getChart() {
        return SeverityChart.of(range.from(), range.to(), highestSeverityByDay);
    }

    public int getRulesVersion() {
        return MarkingRules.VERSION;
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    public List<EntryView> getEntries() {
        return entries;
    }

    public int getDaysInRange() {
        return range.days();
    }

    public int getDaysWithEntries() {
        return highestSeverityByDay.size();
    }

    public int getEntryCount() {
        return entries.size();
    }

    /** The mean severity of all entries, one decimal ("4.5"), or "–" without entries. */
    public String getAverageSeverity() {
        return entries.stream().mapToInt(EntryView::severity).average()
                .stream().mapToObj(a -> String.format(Locale.ROOT, "%.1f", a)).findFirst().orElse("–");
    }

    public String getHighestSeverity() {
        return entries.stream().mapToInt(EntryView::severity).max()
                .stream().mapToObj(Integer::toString).findFirst().orElse("–");
    }

    /** Days on which at least one entry had severity {@value #SEVERE} or more. */
    public int getSevereDays() {
        return (int) highestSeverityByDay.values().stream().filter(s -> s >= SEVERE).count();
    }

    /** Each day's highest severity, for the chart. */
    public Map<LocalDate, Integer> getHighestSeverityByDay() {
        return highestSeverityByDay;
    }

    public List<SymptomFrequency> getSymptoms() {
        return symptoms;
    }

    public List<FactorFrequency> getFactors() {
        return factors;
    }

    public List<MarkSummary> getMarks() {
        return marks;
    }

    public List<Discussion> getDiscussions() {
        return discussions;
    }

    /** Most frequent first; ties keep the contract's order. */
    private List<SymptomFrequency> symptomFrequencies() {
        Map<Symptom, TreeSet<LocalDate>> days = new EnumMap<>(Symptom.class);
        entries.forEach(e -> e.symptoms().forEach(s -> days.computeIfAbsent(s, k -> new TreeSet<>()).add(e.date())));
        int loggedDays = getDaysWithEntries();
        return days.entrySet().stream()
                .map(d -> new SymptomFrequency(d.getKey(), d.getValue().size(),
                        Math.round(100f * d.getValue().size() / loggedDays), d.getValue().first(),
                        d.getValue().last()))
                .sorted(Comparator.comparingInt(SymptomFrequency::days).reversed())
                .toList();
    }

    private List<FactorFrequency> factorFrequencies() {
        Map<Factor, TreeSet<LocalDate>> days = new EnumMap<>(Factor.class);
        entries.forEach(e -> e.factors().forEach(f -> days.computeIfAbsent(f, k -> new TreeSet<>()).add(e.date())));
        return days.entrySet().stream()
                .map(d -> new FactorFrequency(d.getKey(), d.getValue().size(), d.getValue().first(),
                        d.getValue().last()))
                .sorted(Comparator.comparingInt(FactorFrequency::days).reversed())
                .toList();
    }

    /** In {@link MarkCode} order, which puts urgent and see-doctor first. */
    private List<MarkSummary> markSummaries(Function<MarkCode, Optional<String>> explanations) {
        Map<MarkCode, List<LocalDate>> dates = new EnumMap<>(MarkCode.class);
        entries.forEach(e -> e.marks().forEach(m -> dates.computeIfAbsent(m, k -> new ArrayList<>()).add(e.date())));
        return dates.entrySet().stream()
                .map(d -> new MarkSummary(d.getKey(), d.getValue().size(), d.getValue().get(0),
                        d.getValue().get(d.getValue().size() - 1), explanations.apply(d.getKey()).orElse("")))
                .toList();
    }

    private List<Discussion> discussions() {
        List<Discussion> topics = new ArrayList<>();
        for (MarkSummary mark : marks) {
            switch (mark.code()) {
                case PERSISTENT -> topics.add(new Discussion(mark.code(), "How long the symptoms have lasted",
                        symptomDuration()));
                case IRON -> topics.add(new Discussion(mark.code(), "Iron studies, including ferritin",
                        "Ferritin shows how much iron the body has stored and can fall before anemia appears."));
                case VITAMIN_D -> topics.add(new Discussion(mark.code(), "A 25-hydroxy vitamin D level",
                        "The blood test usually used to check vitamin D, sometimes written 25(OH)D."));
                case VITAMIN_B12 -> topics.add(new Discussion(mark.code(), "A vitamin B12 level",
                        "Usually measured together with a full blood count."));
                case MAGNESIUM -> topics.add(new Discussion(mark.code(), "A magnesium level",
                        "A blood test can measure the magnesium level."));
                default -> {
                    // Urgent, see-doctor and dehydration are in the marks summary; no test is named for them.
                }
            }
        }
        return topics;
    }

    /** Symptom days, first and last, and the longest run of consecutive days with symptoms. */
    private String symptomDuration() {
        TreeSet<LocalDate> days = new TreeSet<>();
        entries.stream().filter(e -> !e.symptoms().isEmpty()).forEach(e -> days.add(e.date()));
        if (days.isEmpty()) {
            return "";
        }
        int longest = 0;
        int run = 0;
        LocalDate previous = null;
        for (LocalDate day : days) {
            run = previous != null && ChronoUnit.DAYS.between(previous, day) == 1 ? run + 1 : 1;
            longest = Math.max(longest, run);
            previous = day;
        }
        return "Symptoms were logged on " + days.size() + " days of this report, from " + days.first().format(DAY)
                + " to " + days.last().format(DAY) + "; the longest run was " + longest + (longest == 1 ? " day." : " consecutive days.");
    }
}
