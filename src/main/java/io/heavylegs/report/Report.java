package io.heavylegs.report;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

import io.heavylegs.codes.Factor;
import io.heavylegs.codes.MarkCode;
import io.heavylegs.codes.Symptom;
import io.heavylegs.journal.EntryView;
import io.heavylegs.journal.SeverityChart;
import io.heavylegs.labs.RangePosition;
import io.heavylegs.marks.MarkingRules;
import io.heavylegs.web.DateRange;
import io.heavylegs.web.Formats;

/**
 * Everything the doctor report shows for one range, computed in Java from the range's entries (oldest first)
 * and their stored marks. Pure: no database, no clock; the service hands in the entries, the patient's profile,
 * each care mark's advice and the time.
 * <p>
 * Its first page is the summary, in the order a doctor reads it (issue 18): who and when, the red flags, the key
 * findings, the severity chart with the symptom frequency, the tests and questions to discuss. The entries follow
 * as an appendix.
 */
public final class Report {

    public static final int SEVERE = 7;
    /**
     * The summary is one page: it names at most this many red flags (urgent first, the most recent first) and
     * lists the others right after it, on page 2 of the PDF.
     */
    public static final int SUMMARY_RED_FLAGS = 5;
    /** What the patient takes and the latest results, at most this many each on page 1; the rest follow the flags. */
    public static final int SUMMARY_TREATMENTS = 6;
    public static final int SUMMARY_RESULTS = 8;
    /** How many symptoms the summary lists by name; the rest are named in one line after them. */
    public static final int TOP_SYMPTOMS = 6;
    private static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.ENGLISH);

    /** Who the report is about, as the patient gave it in the profile; both may be null. */
    public record Patient(String name, LocalDate birthDate) {

        public static final Patient UNNAMED = new Patient(null, null);

        public boolean isNamed() {
            return name != null || birthDate != null;
        }
    }

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

    /** An entry with a care mark, with the advice its stored mark gives (naming its own symptoms and side). */
    public record RedFlag(EntryView entry, MarkCode code, String advice) {

        public boolean isUrgent() {
            return code == MarkCode.URGENT;
        }
    }

    /**
     * A stretch of days on each of which the last {@value MarkingRules#WINDOW_DAYS} days held symptoms on at least
     * {@value MarkingRules#PERSISTENT_MIN_DAYS} (the contract's {@code persistent}), cut to the range: it may have
     * started before the range ({@code startedBefore}) or still be going at its end ({@code ongoing}).
     */
    public record Run(LocalDate start, LocalDate end, int symptomDays, boolean startedBefore, boolean ongoing) {

        public int days() {
            return (int) ChronoUnit.DAYS.between(start, end) + 1;
        }
    }

    /** A supplement or medicine taken during the range; {@code dose} and {@code stopped} may be null. */
    public record Taken(String kind, String name, String dose, LocalDate started, LocalDate stopped) {

        /** Still taken at the end of the range (no stop date, or one not before it). */
        public boolean takenAt(LocalDate day) {
            return stopped == null || !stopped.isBefore(day);
        }
    }

    /**
     * A blood test result as the lab printed it: {@code position} is null when the lab printed no range, and then
     * {@code range} is null too. The report never judges a value against a range of its own.
     */
    public record Measured(String test, String value, LocalDate date, RangePosition position, String range) {

        /** "below the range the lab printed (30–400 µg/L)", or empty without a range. */
        public String getAgainstRange() {
            return position == null ? "" : position.code + " the range the lab printed (" + range + ")";
        }

        /** The result as the chart lists it beside its square, in the lab's words. */
        SeverityChart.Result onChart() {
            return new SeverityChart.Result(date, test, value, position == null ? null : getAgainstRange());
        }
    }

    private final DateRange range;
    private final LocalDateTime generatedAt;
    private List<Taken> treatments = List.of();
    private List<Measured> latestResults = List.of();
    private List<Measured> resultsInRange = List.of();
    private final Patient patient;
    private final List<EntryView> entries;
    private final Map<LocalDate, Integer> highestSeverityByDay = new TreeMap<>();
    private final List<SymptomFrequency> symptoms;
    private final List<FactorFrequency> factors;
    private final List<MarkSummary> marks;
    private final List<RedFlag> redFlags;
    private final List<Run> runs;
    private final List<Discussion> discussions;
    private PdfAppendix pdfAppendix;

    private Report(DateRange range, List<EntryView> entries, Set<LocalDate> symptomDaysBefore, Patient patient,
            Map<Long, Map<MarkCode, String>> careAdvice, Function<MarkCode, Optional<String>> explanations,
            LocalDateTime generatedAt) {
        this.range = range;
        this.generatedAt = generatedAt;
        this.patient = patient;
        this.entries = entries.stream()
                .sorted(Comparator.comparing(EntryView::date)
                        .thenComparing(EntryView::time, Comparator.nullsFirst(Comparator.naturalOrder())))
                .toList();
        this.entries.forEach(e -> highestSeverityByDay.merge(e.date(), e.severity(), Math::max));
        this.symptoms = symptomFrequencies();
        this.factors = factorFrequencies();
        this.marks = markSummaries(explanations);
        this.redFlags = redFlags(careAdvice, explanations);
        this.runs = runs(symptomDaysBefore);
        this.discussions = discussions();
    }

    /**
     * The report of {@code range} from its entries; entries dated outside the range are the caller's mistake and
     * refused. {@code explanations} gives each mark code's one line.
     */
    public static Report of(DateRange range, List<EntryView> entries,
            Function<MarkCode, Optional<String>> explanations, LocalDateTime generatedAt) {
        return of(range, entries, List.of(), Patient.UNNAMED, Map.of(), explanations, generatedAt);
    }

    /**
     * The full report: {@code history} are the entries of the {@value MarkingRules#WINDOW_DAYS} days before the
     * range (so a run of symptoms under way when the range starts is told as such), {@code careAdvice} each care
     * mark's own reason by entry id and code (a missing one falls back to the code's explanation).
     */
    public static Report of(DateRange range, List<EntryView> entries, List<EntryView> history, Patient patient,
            Map<Long, Map<MarkCode, String>> careAdvice, Function<MarkCode, Optional<String>> explanations,
            LocalDateTime generatedAt) {
        entries.stream().filter(e -> !range.contains(e.date())).findAny().ifPresent(e -> {
            throw new IllegalArgumentException("Entry of " + e.date() + " is outside " + range);
        });
        Set<LocalDate> before = new TreeSet<>();
        history.stream().filter(e -> e.date().isBefore(range.from()) && !e.symptoms().isEmpty())
                .forEach(e -> before.add(e.date()));
        return new Report(range, entries, before, patient, careAdvice, explanations, generatedAt);
    }

    /**
     * The report with the supplements and medicines taken during its range: those still taken at its end first,
     * each group by start date, newest first.
     */
    public Report withTreatments(List<Taken> taken) {
        this.treatments = taken.stream()
                .filter(t -> !t.started().isAfter(range.to()) && (t.stopped() == null || !t.stopped().isBefore(range.from())))
                .sorted(Comparator.comparing((Taken t) -> !t.takenAt(range.to()))
                        .thenComparing(Taken::started, Comparator.reverseOrder()))
                .toList();
        return this;
    }

    public List<Taken> getTreatments() {
        return treatments;
    }

    /** What the summary lists of what the patient takes: the first {@value #SUMMARY_TREATMENTS}. */
    public List<Taken> getSummaryTreatments() {
        return treatments.subList(0, Math.min(SUMMARY_TREATMENTS, treatments.size()));
    }

    public List<Taken> getMoreTreatments() {
        return treatments.subList(getSummaryTreatments().size(), treatments.size());
    }

    /**
     * The report with the patient's blood test results: {@code latest} the latest result of each test dated up to
     * the range's end (so a report, and a shared link, never shows a result taken after its range), most recent
     * first; {@code inRange} every result dated in the range, for the chart.
     */
    public Report withResults(List<Measured> latest, List<Measured> inRange) {
        this.latestResults = latest.stream().filter(r -> !r.date().isAfter(range.to()))
                .sorted(Comparator.comparing(Measured::date).reversed()).toList();
        this.resultsInRange = inRange.stream().filter(r -> range.contains(r.date())).toList();
        return this;
    }

    /** The latest result of each test, most recent first. */
    public List<Measured> getLatestResults() {
        return latestResults;
    }

    public List<Measured> getSummaryResults() {
        return latestResults.subList(0, Math.min(SUMMARY_RESULTS, latestResults.size()));
    }

    public List<Measured> getMoreResults() {
        return latestResults.subList(getSummaryResults().size(), latestResults.size());
    }

    /** The red flags page 1 names: the first {@value #SUMMARY_RED_FLAGS} of {@link #getRedFlags}. */
    public List<RedFlag> getSummaryRedFlags() {
        return redFlags.subList(0, Math.min(SUMMARY_RED_FLAGS, redFlags.size()));
    }

    /** The red flags that follow the summary, in the same order. */
    public List<RedFlag> getMoreRedFlags() {
        return redFlags.subList(getSummaryRedFlags().size(), redFlags.size());
    }

    /** Whether anything of the summary did not fit on page 1 and follows it, before the appendix. */
    public boolean isContinued() {
        return !getMoreRedFlags().isEmpty() || !getMoreTreatments().isEmpty() || !getMoreResults().isEmpty();
    }

    /** Whether a treatment is still taken at the end of the range, for the template. */
    public boolean isTakenAtEnd(Taken taken) {
        return taken.takenAt(range.to());
    }

    public DateRange getRange() {
        return range;
    }

    public Patient getPatient() {
        return patient;
    }

    public String getGeneratedAtText() {
        return generatedAt.format(GENERATED);
    }

    /**
     * The journal's severity chart over the whole range, one point per day with entries and the marks of its
     * entries, the treatments of the range as bands (in the order the summary lists them, so the first bands are
     * what is taken now) and the results of the range as squares in a row above the line.
     */
    public SeverityChart getChart() {
        return chart(SeverityChart.Layout.SCREEN);
    }

    /** The same chart in the PDF's wider, flatter proportions. */
    public SeverityChart getPaperChart() {
        return chart(SeverityChart.Layout.PAPER);
    }

    private SeverityChart chart(SeverityChart.Layout layout) {
        Map<LocalDate, SeverityChart.Day> days = new TreeMap<>();
        Map<LocalDate, Set<MarkCode>> marksByDay = new TreeMap<>();
        entries.forEach(e -> marksByDay.computeIfAbsent(e.date(), d -> new TreeSet<>()).addAll(e.marks()));
        highestSeverityByDay.forEach((day, highest) -> days.put(day,
                new SeverityChart.Day(highest, marksByDay.getOrDefault(day, Set.of()))));
        // In the order of the list beside the chart: what is still taken, the latest started first.
        List<SeverityChart.Span> spans = treatments.stream()
                .map(t -> new SeverityChart.Span(t.name(), t.kind().toLowerCase(Locale.ENGLISH), t.started(),
                        t.stopped()))
                .toList();
        return SeverityChart.withMarks(range.from(), range.to(), days, spans,
                resultsInRange.stream().map(Measured::onChart).toList(), layout);
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

    /** The entries the PDF lists: the latest within {@link PdfAppendix#BUDGET} (the page lists them all). */
    public PdfAppendix getPdfAppendix() {
        if (pdfAppendix == null) {
            pdfAppendix = PdfAppendix.of(entries);
        }
        return pdfAppendix;
    }

    /** The entries the appendix lists: every one on the page, {@link #getPdfAppendix()}'s in the PDF. */
    public List<EntryView> appendixEntries(boolean pdf) {
        return pdf ? getPdfAppendix().entries() : entries;
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
        return getSevereDates().size();
    }

    /** The days with severity {@value #SEVERE} or more, oldest first. */
    public List<LocalDate> getSevereDates() {
        return highestSeverityByDay.entrySet().stream().filter(d -> d.getValue() >= SEVERE).map(Map.Entry::getKey)
                .toList();
    }

    /** The severe days as the summary lists them: "Fri 3 Jan 2025 (8), Fri 10 Jan 2025 (7)". */
    public String getSevereDatesText() {
        return String.join(", ", getSevereDates().stream()
                .map(d -> Formats.shortDate(d) + " (" + highestSeverityByDay.get(d) + ")").toList());
    }

    /** Each day's highest severity, for the chart. */
    public Map<LocalDate, Integer> getHighestSeverityByDay() {
        return highestSeverityByDay;
    }

    public List<SymptomFrequency> getSymptoms() {
        return symptoms;
    }

    /** The most frequent symptoms, for the summary. */
    public List<SymptomFrequency> getTopSymptoms() {
        return symptoms.subList(0, Math.min(TOP_SYMPTOMS, symptoms.size()));
    }

    /** The symptoms after the top ones, named in one line: "Numbness (1 day), Tingling (1 day)". */
    public String getOtherSymptomsText() {
        return String.join(", ", symptoms.subList(getTopSymptoms().size(), symptoms.size()).stream()
                .map(s -> s.symptom().label + " (" + s.days() + (s.days() == 1 ? " day)" : " days)")).toList());
    }

    public List<FactorFrequency> getFactors() {
        return factors;
    }

    /** The factors in one line: "Heavy menstrual bleeding (2 days), Little sunlight lately (1 day)". */
    public String getFactorsText() {
        return String.join(", ", factors.stream()
                .map(f -> f.factor().label + " (" + f.days() + (f.days() == 1 ? " day)" : " days)")).toList());
    }

    public List<MarkSummary> getMarks() {
        return marks;
    }

    /** The marks that are patterns (deficiencies and dehydration): the key findings' first lines. */
    public List<MarkSummary> getPatterns() {
        return marks.stream().filter(m -> !m.code().isCare() && m.code() != MarkCode.PERSISTENT).toList();
    }

    /** Every entry with an urgent or see-doctor mark: urgent ones first, each group the most recent first. */
    public List<RedFlag> getRedFlags() {
        return redFlags;
    }

    public List<Run> getRuns() {
        return runs;
    }

    /** Whether the key findings have anything to say. */
    public boolean hasFindings() {
        return !getPatterns().isEmpty() || !runs.isEmpty() || !getSevereDates().isEmpty() || !factors.isEmpty();
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

    private List<RedFlag> redFlags(Map<Long, Map<MarkCode, String>> careAdvice,
            Function<MarkCode, Optional<String>> explanations) {
        List<RedFlag> flags = new ArrayList<>();
        List<EntryView> newestFirst = new ArrayList<>(entries);
        Collections.reverse(newestFirst);
        for (MarkCode care : List.of(MarkCode.URGENT, MarkCode.SEE_DOCTOR)) {
            for (EntryView entry : newestFirst) {
                // An entry is urgent or see-doctor, never both (see-doctor is "not urgent, and ..."): one flag each.
                if (entry.marks().contains(care) && !(care == MarkCode.SEE_DOCTOR
                        && entry.marks().contains(MarkCode.URGENT))) {
                    String advice = careAdvice.getOrDefault(entry.id(), Map.of()).get(care);
                    flags.add(new RedFlag(entry, care, advice != null ? advice : explanations.apply(care).orElse("")));
                }
            }
        }
        return List.copyOf(flags);
    }

    /**
     * The runs of persistent symptoms, counted as the marking rules count them: day d belongs to a run when the
     * {@value MarkingRules#WINDOW_DAYS} days ending on d hold at least {@value MarkingRules#PERSISTENT_MIN_DAYS}
     * days with symptoms.
     */
    private List<Run> runs(Set<LocalDate> symptomDaysBefore) {
        TreeSet<LocalDate> symptomDays = new TreeSet<>(symptomDaysBefore);
        entries.stream().filter(e -> !e.symptoms().isEmpty()).forEach(e -> symptomDays.add(e.date()));
        List<Run> found = new ArrayList<>();
        LocalDate start = null;
        LocalDate last = null;
        for (LocalDate day = range.from(); !day.isAfter(range.to()); day = day.plusDays(1)) {
            int inWindow = symptomDays.subSet(day.minusDays(MarkingRules.WINDOW_DAYS - 1L), true, day, true).size();
            boolean persistent = inWindow >= MarkingRules.PERSISTENT_MIN_DAYS;
            if (persistent && start == null) {
                start = day;
            }
            if (persistent) {
                last = day;
            } else if (start != null) {
                found.add(run(symptomDays, start, last));
                start = null;
            }
        }
        if (start != null) {
            found.add(run(symptomDays, start, last));
        }
        return List.copyOf(found);
    }

    private Run run(TreeSet<LocalDate> symptomDays, LocalDate start, LocalDate end) {
        int days = symptomDays.subSet(start, true, end, true).size();
        boolean startedBefore = start.equals(range.from()) && symptomDays.subSet(start.minusDays(
                MarkingRules.WINDOW_DAYS), true, start.minusDays(1), true).size() >= MarkingRules.PERSISTENT_MIN_DAYS;
        return new Run(start, end, days, startedBefore, end.equals(range.to()));
    }

    private List<Discussion> discussions() {
        List<Discussion> topics = new ArrayList<>();
        for (MarkSummary mark : marks) {
            switch (mark.code()) {
                case URGENT, SEE_DOCTOR -> {
                    if (topics.stream().noneMatch(t -> t.code().isCare())) {
                        topics.add(new Discussion(mark.code(), "The red flags above",
                                "What could explain them, and what to do if they happen again."));
                    }
                }
                case PERSISTENT -> topics.add(new Discussion(mark.code(), "How long the symptoms have lasted",
                        symptomDuration()));
                case IRON -> topics.add(new Discussion(mark.code(), "Iron studies, including ferritin",
                        "Ferritin shows how much iron the body has stored and can fall before anaemia appears."));
                case VITAMIN_D -> topics.add(new Discussion(mark.code(), "A 25-hydroxy vitamin D level",
                        "The blood test usually used to check vitamin D, sometimes written 25(OH)D."));
                case VITAMIN_B12 -> topics.add(new Discussion(mark.code(), "A vitamin B12 level",
                        "Usually measured together with a full blood count."));
                case MAGNESIUM -> topics.add(new Discussion(mark.code(), "A magnesium level",
                        "A blood test can measure the magnesium level."));
                case DEHYDRATION -> topics.add(new Discussion(mark.code(), "Fluids and salts",
                        "Whether cramps or tiredness after drinking little or sweating are worth a check of the "
                                + "blood salts (electrolytes)."));
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
        return "Symptoms on " + days.size() + " days, " + Formats.shortDate(days.first()) + " to "
                + Formats.shortDate(days.last()) + "; the longest run was " + longest
                + (longest == 1 ? " day." : " consecutive days.");
    }
}
