package io.heavylegs.journal;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.heavylegs.codes.MarkCode;
import io.heavylegs.labs.LabResult;
import io.heavylegs.labs.LabTest;

/**
 * What the entry page says beside a deficiency mark about the user's own blood tests: the latest related result
 * in the lab's words ("Your ferritin on 2 Oct 2026 was 12 µg/L — below the range your lab printed (30–400 µg/L)"),
 * or, with none recorded, where the blood-tests article explains that test. It never judges the result itself.
 */
public final class LatestResults {

    /** The tests a doctor may look at for each pattern, the first being the one the article section names. */
    static final Map<MarkCode, List<LabTest>> RELATED = new EnumMap<>(Map.of(
            MarkCode.IRON, List.of(LabTest.FERRITIN, LabTest.HAEMOGLOBIN),
            MarkCode.VITAMIN_D, List.of(LabTest.VITAMIN_D),
            MarkCode.VITAMIN_B12, List.of(LabTest.VITAMIN_B12, LabTest.ACTIVE_B12, LabTest.FOLATE),
            MarkCode.MAGNESIUM, List.of(LabTest.MAGNESIUM)));

    /** One mark's line: {@code result} when the user recorded one of the tests, else the article to read. */
    public record Related(LabResult result, String tests, String articlePath) {

        public boolean isRecorded() {
            return result != null;
        }
    }

    private final Map<MarkCode, Related> byMark;

    private LatestResults(Map<MarkCode, Related> byMark) {
        this.byMark = byMark;
    }

    /** One small indexed query per deficiency mark the entry has (at most four). */
    static LatestResults forMarks(long ownerId, List<MarkCode> marks) {
        Map<MarkCode, Related> byMark = new EnumMap<>(MarkCode.class);
        for (MarkCode mark : marks) {
            List<LabTest> tests = RELATED.get(mark);
            if (tests != null) {
                Optional<LabResult> latest = LabResult.latestOf(ownerId, tests);
                byMark.put(mark, new Related(latest.orElse(null), words(tests), tests.get(0).articlePath()));
            }
        }
        return new LatestResults(byMark);
    }

    /** The line for {@code mark}, or null when the mark names no blood test. */
    public Related of(MarkCode mark) {
        return byMark.get(mark);
    }

    /** "ferritin or haemoglobin", "B12, active B12 or folate". */
    static String words(List<LabTest> tests) {
        List<String> names = tests.stream().map(t -> t.inSentence).toList();
        if (names.size() == 1) {
            return names.get(0);
        }
        return names.subList(0, names.size() - 1).stream().collect(Collectors.joining(", ")) + " or "
                + names.get(names.size() - 1);
    }
}
