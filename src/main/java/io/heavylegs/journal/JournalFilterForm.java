package io.heavylegs.journal;

import java.time.LocalDate;

import jakarta.validation.constraints.Pattern;

import org.jboss.resteasy.reactive.RestQuery;

import io.heavylegs.codes.MarkCode;
import io.heavylegs.web.DateInput;
import io.heavylegs.web.Form;
import io.heavylegs.web.FormErrors;
import io.heavylegs.web.Forms;
import io.heavylegs.web.TextInput;

/** The journal list's query string as typed: a bookmark or a hand-edited address may hold anything. */
public class JournalFilterForm implements Form {

    @RestQuery
    public String from;

    @RestQuery
    public String to;

    @RestQuery
    public String mark;

    @RestQuery
    @Pattern(regexp = "\\s*0*[1-9]\\d{0,5}\\s*", message = "The page number must be a whole number from 1 up.")
    public String page;

    private JournalFilter filter = JournalFilter.NONE;
    private int pageNumber = 1;

    public FormErrors validate() {
        return Forms.validate(this);
    }

    @Override
    public void checkTogether(FormErrors errors) {
        LocalDate fromDate = DateInput.isBlank(from) ? null : DateInput.parse(from, "from", errors).orElse(null);
        LocalDate toDate = DateInput.isBlank(to) ? null : DateInput.parse(to, "to", errors).orElse(null);
        if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
            errors.add("to", "The end date is before the start date: swap them, or change one.");
        }
        MarkCode markCode = null;
        if (mark != null && !mark.isBlank()) {
            markCode = MarkCode.fromCode(mark.strip()).orElse(null);
            if (markCode == null) {
                errors.add("mark", "There is no mark \u201c" + TextInput.quoted(mark) + "\u201d: choose one from the list.");
            }
        }
        if (!errors.has("page") && page != null && !page.isBlank()) {
            pageNumber = Integer.parseInt(page.strip());
        }
        filter = new JournalFilter(fromDate, toDate, markCode);
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
