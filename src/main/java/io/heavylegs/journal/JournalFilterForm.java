package io.heavylegs.journal;

import java.time.LocalDate;
import java.util.regex.Pattern;

import org.jboss.resteasy.reactive.RestQuery;

import io.heavylegs.marks.MarkCode;
import io.heavylegs.web.FormErrors;

/** The journal list's query string as typed: a bookmark or a hand-edited address may hold anything. */
public class JournalFilterForm {

    private static final Pattern PAGE = Pattern.compile("\\d{1,6}");

    @RestQuery
    public String from;

    @RestQuery
    public String to;

    @RestQuery
    public String mark;

    @RestQuery
    public String page;

    private JournalFilter filter = JournalFilter.NONE;
    private int pageNumber = 1;

    public FormErrors validate() {
        FormErrors errors = new FormErrors();
        LocalDate fromDate = DateInput.isBlank(from) ? null : DateInput.parse(from, "from", errors).orElse(null);
        LocalDate toDate = DateInput.isBlank(to) ? null : DateInput.parse(to, "to", errors).orElse(null);
        if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
            errors.add("to", "The end date is before the start date: swap them, or change one.");
        }
        MarkCode markCode = null;
        if (mark != null && !mark.isBlank()) {
            markCode = MarkCode.fromCode(mark.strip()).orElse(null);
            if (markCode == null) {
                errors.add("mark", "There is no mark \u201c" + mark.strip() + "\u201d: choose one from the list.");
            }
        }
        if (page != null && !page.isBlank()) {
            String typed = page.strip();
            if (!PAGE.matcher(typed).matches() || Integer.parseInt(typed) < 1) {
                errors.add("page", "The page number must be a whole number from 1 up.");
            } else {
                pageNumber = Integer.parseInt(typed);
            }
        }
        filter = new JournalFilter(fromDate, toDate, markCode);
        return errors;
    }

    public JournalFilter filter() {
        return filter;
    }

    public boolean isMark(String code) {
        return mark != null && mark.strip().equals(code);
    }

    public int pageNumber() {
        return pageNumber;
    }
}
