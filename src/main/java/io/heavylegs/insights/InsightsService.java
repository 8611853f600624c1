package io.heavylegs.insights;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.heavylegs.web.DateRange;

/** Gathers the figures of one owner's range; each is one aggregate statement (see {@link InsightsReads}). */
@ApplicationScoped
public class InsightsService {

    @Inject
    InsightsReads reads;

    public Insights build(long ownerId, DateRange range) {
        return new Insights(range, reads.timeOfDay(ownerId, range), reads.calendar(ownerId, range),
                reads.factors(ownerId, range));
    }
}
