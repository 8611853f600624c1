package io.heavylegs.journal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.heavylegs.codes.MarkCode;

/** Which of the owner's entries the journal list shows; {@code null} means "no limit". */
public record JournalFilter(LocalDate from, LocalDate to, MarkCode mark) {

    public static final JournalFilter NONE = new JournalFilter(null, null, null);

    public boolean active() {
        return from != null || to != null || mark != null;
    }

    /** The list address for a page of this filter, so that paging links keep the filter. */
    public String link(int page) {
        List<String> query = new ArrayList<>();
        if (from != null) {
            query.add("from=" + from);
        }
        if (to != null) {
            query.add("to=" + to);
        }
        if (mark != null) {
            query.add("mark=" + mark.code);
        }
        if (page > 1) {
            query.add("page=" + page);
        }
        return query.isEmpty() ? "/journal" : "/journal?" + String.join("&", query);
    }
}
