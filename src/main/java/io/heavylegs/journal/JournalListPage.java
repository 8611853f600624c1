package io.heavylegs.journal;

import java.util.List;
import java.util.Map;

import io.heavylegs.marks.EntryMark;

/** One page of the journal list with what its links need. */
public record JournalListPage(List<JournalEntry> entries, Map<Long, List<EntryMark>> marks, JournalFilter filter,
        int page, int pageCount, long total, SeverityChart chart) {

    static JournalListPage load(long ownerId, JournalFilter filter, int page, SeverityChart chart) {
        long total = JournalEntry.countMatching(ownerId, filter);
        int pageCount = (int) Math.max(1, (total + JournalEntry.PAGE_SIZE - 1) / JournalEntry.PAGE_SIZE);
        List<JournalEntry> entries = page > pageCount ? List.of() : JournalEntry.findPage(ownerId, filter, page);
        Map<Long, List<EntryMark>> marks = EntryMark.forEntries(entries.stream().map(e -> e.id).toList());
        return new JournalListPage(entries, marks, filter, page, pageCount, total, chart);
    }

    /** The page shown while the filter itself needs correcting: no entries, only the chart and the form. */
    static JournalListPage unavailable(SeverityChart chart) {
        return new JournalListPage(List.of(), Map.of(), JournalFilter.NONE, 1, 1, 0, chart);
    }

    public List<EntryMark> marksOf(JournalEntry entry) {
        return marks.getOrDefault(entry.id, List.of());
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
