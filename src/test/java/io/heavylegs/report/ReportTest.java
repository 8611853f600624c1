package io.heavylegs.report;

import static io.heavylegs.codes.Symptom.CRAMPS;
import static io.heavylegs.codes.Symptom.FATIGUE;
import static io.heavylegs.codes.Symptom.HEAVINESS;
import static io.heavylegs.codes.Symptom.PALE_SKIN;
import static io.heavylegs.codes.Symptom.RESTLESS_LEGS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.heavylegs.codes.Factor;
import io.heavylegs.codes.Symptom;
import io.heavylegs.codes.MarkCode;
import io.heavylegs.journal.EntryView;
import io.heavylegs.web.DateRange;

class ReportTest {

    private static final LocalDate START = LocalDate.of(2026, 3, 1);
    private static final DateRange MARCH = new DateRange(START, LocalDate.of(2026, 3, 31));
    private static final LocalDateTime NOW = LocalDateTime.of(2026, 4, 1, 9, 0);

    @Test
    void computesTheSummaryFigures() {
        Report report = report(
                entry(1, "08:00", 3, Set.of(HEAVINESS)),
                entry(1, "20:00", 8, Set.of(HEAVINESS, CRAMPS)),
                entry(2, null, 7, Set.of()),
                entry(10, "12:00", 2, Set.of(FATIGUE)));

        assertEquals(31, report.getDaysInRange());
        assertEquals(3, report.getDaysWithEntries());
        assertEquals(4, report.getEntryCount());
        assertEquals("5.0", report.getAverageSeverity());
        assertEquals("8", report.getHighestSeverity());
        assertEquals(2, report.getSevereDays());
        assertEquals(List.of(8, 7, 2), List.copyOf(report.getHighestSeverityByDay().values()));
    }

    @Test
    void countsSymptomDaysNotEntries() {
        Report report = report(
                entry(1, "08:00", 3, Set.of(HEAVINESS)),
                entry(1, "20:00", 8, Set.of(HEAVINESS, CRAMPS)),
                entry(3, null, 4, Set.of(HEAVINESS)),
                entry(4, null, 1, Set.of()));

        Report.SymptomFrequency heaviness = report.getSymptoms().get(0);
        assertEquals(HEAVINESS, heaviness.symptom());
        assertEquals(2, heaviness.days());
        assertEquals(67, heaviness.percentOfLoggedDays());
        assertEquals(START, heaviness.first());
        assertEquals(START.plusDays(2), heaviness.last());
        assertEquals(List.of(HEAVINESS, CRAMPS), report.getSymptoms().stream().map(Report.SymptomFrequency::symptom).toList());
    }

    @Test
    void summarisesMarksUrgentFirstWithTheirArticleLine() {
        Report report = report(
                entryWithMarks(2, List.of(MarkCode.IRON)),
                entryWithMarks(5, List.of(MarkCode.IRON, MarkCode.URGENT)),
                entryWithMarks(9, List.of(MarkCode.IRON)));

        assertEquals(List.of(MarkCode.URGENT, MarkCode.IRON),
                report.getMarks().stream().map(Report.MarkSummary::code).toList());
        Report.MarkSummary iron = report.getMarks().get(1);
        assertEquals(3, iron.entries());
        assertEquals(START.plusDays(1), iron.first());
        assertEquals(START.plusDays(8), iron.last());
        assertEquals("line of iron-deficiency", iron.explanation());
    }

    @Test
    void namesTestsOnlyForTheMarksPresent() {
        Report report = report(entryWithMarks(2, List.of(MarkCode.VITAMIN_D, MarkCode.URGENT)));

        // the red flags get one question, whatever the care marks; vitamin D its test; no other mark is present
        assertEquals(List.of(MarkCode.URGENT, MarkCode.VITAMIN_D),
                report.getDiscussions().stream().map(Report.Discussion::code).toList());
        assertTrue(report.getDiscussions().get(0).topic().contains("red flags"));
        assertTrue(report.getDiscussions().get(1).topic().contains("25-hydroxy vitamin D"));
    }

    @Test
    void tellsHowLongPersistentSymptomsLasted() {
        Report report = report(
                new EntryView(0, START, null, 4, null, Set.of(HEAVINESS), Set.of(), null, List.of()),
                new EntryView(0, START.plusDays(1), null, 4, null, Set.of(HEAVINESS), Set.of(), null, List.of()),
                new EntryView(0, START.plusDays(2), null, 4, null, Set.of(HEAVINESS), Set.of(), null, List.of(MarkCode.PERSISTENT)),
                new EntryView(0, START.plusDays(6), null, 4, null, Set.of(HEAVINESS), Set.of(), null, List.of()));

        String duration = report.getDiscussions().get(0).detail();
        assertTrue(duration.contains("Symptoms on 4 days"), duration);
        assertTrue(duration.contains("longest run was 3 consecutive days"), duration);
    }

    @Test
    void listsFactorsByDays() {
        Report report = report(
                new EntryView(0, START, null, 4, null, Set.of(), Set.of(Factor.LOW_SUNLIGHT), null, List.of()),
                new EntryView(0, START.plusDays(1), null, 4, null, Set.of(), Set.of(Factor.LOW_SUNLIGHT, Factor.DIABETES), null, List.of()));

        assertEquals(List.of(Factor.LOW_SUNLIGHT, Factor.DIABETES),
                report.getFactors().stream().map(Report.FactorFrequency::factor).toList());
        assertEquals(2, report.getFactors().get(0).days());
    }

    @Test
    void anEmptyRangeHasNoFigures() {
        Report report = report();

        assertTrue(report.isEmpty());
        assertEquals(31, report.getDaysInRange());
        assertEquals("–", report.getAverageSeverity());
        assertEquals("–", report.getHighestSeverity());
        assertTrue(report.getSymptoms().isEmpty() && report.getMarks().isEmpty() && report.getDiscussions().isEmpty());
    }

    @Test
    void redFlagsAreTheCareEntriesUrgentFirstWithTheirOwnAdvice() {
        EntryView seeDoctor = new EntryView(11, START.plusDays(1), null, 5, null, Set.of(Symptom.CALF_PAIN_WALKING),
                Set.of(), null, List.of(MarkCode.SEE_DOCTOR));
        EntryView urgent = new EntryView(12, START.plusDays(4), null, 8, io.heavylegs.codes.Side.LEFT,
                Set.of(Symptom.SWELLING), Set.of(), null, List.of(MarkCode.URGENT));
        EntryView iron = entryWithMarks(6, List.of(MarkCode.IRON));
        Report report = Report.of(MARCH, List.of(seeDoctor, urgent, iron), List.of(), Report.Patient.UNNAMED,
                java.util.Map.of(12L, java.util.Map.of(MarkCode.URGENT, "own advice of entry 12")),
                code -> Optional.of("line of " + code.code), NOW);

        assertEquals(List.of(12L, 11L), report.getRedFlags().stream().map(f -> f.entry().id()).toList());
        assertEquals("own advice of entry 12", report.getRedFlags().get(0).advice());
        assertEquals("line of see-doctor", report.getRedFlags().get(1).advice(), "without stored advice: the code's line");
        assertEquals(List.of(MarkCode.IRON), report.getPatterns().stream().map(Report.MarkSummary::code).toList());
    }

    @Test
    void findsRunsOfPersistentSymptomsAsTheRulesCountThem() {
        // symptoms on 1-10 March, none after: the run starts on the 7th and ends when the window holds 6
        List<EntryView> days = new java.util.ArrayList<>();
        for (int day = 0; day < 10; day++) {
            days.add(new EntryView(day, START.plusDays(day), null, 4, null, Set.of(HEAVINESS), Set.of(), null, List.of()));
        }
        Report report = report(days.toArray(EntryView[]::new));

        assertEquals(1, report.getRuns().size());
        Report.Run run = report.getRuns().get(0);
        assertEquals(START.plusDays(6), run.start());
        assertEquals(START.plusDays(16), run.end(), "the window ending on 17 March still holds 4-10 March");
        assertEquals(11, run.days());
        assertEquals(4, run.symptomDays(), "symptom days within the run: 7-10 March");
        assertFalse(run.startedBefore() || run.ongoing());
    }

    @Test
    void aRunUnderWayBeforeTheRangeIsToldAsSuch() {
        List<EntryView> before = new java.util.ArrayList<>();
        for (int day = 1; day <= 10; day++) {
            before.add(new EntryView(day, START.minusDays(day), null, 4, null, Set.of(HEAVINESS), Set.of(), null, List.of()));
        }
        EntryView first = new EntryView(99, START, null, 4, null, Set.of(HEAVINESS), Set.of(), null, List.of());
        Report report = Report.of(MARCH, List.of(first), before, Report.Patient.UNNAMED, java.util.Map.of(),
                code -> Optional.empty(), NOW);

        assertEquals(1, report.getRuns().size());
        assertTrue(report.getRuns().get(0).startedBefore());
        assertEquals(START, report.getRuns().get(0).start());
        assertTrue(report(first).getRuns().isEmpty(), "without the history there is no run");
    }

    @Test
    void refusesEntriesOutsideTheRange() {
        EntryView april = new EntryView(0, LocalDate.of(2026, 4, 1), null, 1, null, Set.of(), Set.of(), null, List.of());

        assertThrows(IllegalArgumentException.class,
                () -> Report.of(MARCH, List.of(april), code -> Optional.empty(), NOW));
    }

    private static Report report(EntryView... entries) {
        return Report.of(MARCH, List.of(entries), code -> Optional.of("line of " + code.articleSlug), NOW);
    }

    private static EntryView entry(int day, String time, int severity, Set<Symptom> symptoms) {
        return new EntryView(0, START.plusDays(day - 1), time == null ? null : LocalTime.parse(time), severity, null,
                symptoms, Set.of(), null, List.of());
    }

    private static EntryView entryWithMarks(int day, List<MarkCode> marks) {
        return new EntryView(0, START.plusDays(day - 1), null, 5, null, Set.of(PALE_SKIN, RESTLESS_LEGS), Set.of(), null, marks);
    }
}
