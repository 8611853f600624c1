package io.heavylegs.insights;

import io.heavylegs.web.DateRange;

/** Everything the insights page shows for one range of the signed-in user's journal. */
public record Insights(DateRange range, TimeOfDay timeOfDay, SymptomCalendar calendar,
        FactorComparison factors) {

    public boolean isEmpty() {
        return timeOfDay.getEntries() == 0;
    }
}
