package io.heavylegs.journal;

import java.util.List;

/** One page of the journal list with what its links need. */
public record JournalListPage(List<EntryView> entries, JournalFilter filter, int page, int pageCount,
        long total, SeverityChart chart) {

    static JournalListPage of(JournalReads.Page loaded, JournalFilter filter, int page, SeverityChart chart) {
        int pageCount = (int) Math.max(1, (loaded.total() + JournalReads.PAGE_SIZE - 1) / JournalReads.PAGE_SIZE);
        return new JournalListPage(loaded.entries(), filter, page, pageCount, loaded.total(), chart);
    }

    /** The page shown while the filter itself needs correcting: no entries, only the chart and the form. */
    static JournalListPage unavailable(SeverityChart chart) {
        return new JournalListPage(List.of(), JournalFilter.NONE, 1, 1, 0, chart);
    }

    public boolean hasNewer() {
        return page > 1;
    }

    public boolean hasOlder() {
        return page < pageCount;
    }

    public String newerLink() {
        return filter.link(Math.min(page - 1, pageCount));
    }

    public String olderLink() {
        return filter.link(page + 1);
    }

    public String firstLink() {
        return filter.link(1);
    }
}
