package io.heavylegs.labs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The results of one test, newest first, with the drawing of those in the latest result's unit; results in
 * another unit are listed apart. Another test is grouped by the name the user gave it.
 */
public record LabGroup(String title, LabTest test, List<LabResult> results, LabChart chart,
        List<LabResult> otherUnits) {

    /** The owner's results (any order) grouped by test, the group with the newest result first. */
    public static List<LabGroup> of(List<LabResult> all) {
        Comparator<LabResult> newestFirst = Comparator.comparing((LabResult r) -> r.date)
                .thenComparing(r -> r.id).reversed();
        Map<String, List<LabResult>> byTest = new LinkedHashMap<>();
        all.stream().sorted(newestFirst).forEach(r -> byTest.computeIfAbsent(key(r), k -> new ArrayList<>()).add(r));
        return byTest.values().stream().map(LabGroup::ofOneTest).toList();
    }

    private static LabGroup ofOneTest(List<LabResult> newestFirst) {
        LabResult latest = newestFirst.get(0);
        String unit = latest.unit.strip();
        List<LabResult> sameUnit = new ArrayList<>(newestFirst.stream().filter(r -> r.unit.strip().equals(unit))
                .toList());
        List<LabResult> otherUnits = newestFirst.stream().filter(r -> !r.unit.strip().equals(unit)).toList();
        Collections.reverse(sameUnit);
        return new LabGroup(latest.title(), latest.test(), newestFirst, new LabChart(latest.title(), sameUnit),
                otherUnits);
    }

    private static String key(LabResult result) {
        return result.test() == LabTest.OTHER ? "other:" + result.name.strip().toLowerCase(Locale.ROOT)
                : result.test().code;
    }

    public String chartId() {
        return anchor() + "-chart";
    }

    /** The anchor of this group on the list page. */
    public String anchor() {
        return "test-" + key(results.get(0)).replaceAll("[^a-z0-9]+", "-");
    }
}
