package io.heavylegs.report;

import java.time.LocalDate;
import java.util.Optional;

import jakarta.validation.constraints.NotBlank;

import org.jboss.resteasy.reactive.RestForm;

import io.heavylegs.web.DateRange;
import io.heavylegs.web.Form;
import io.heavylegs.web.FormErrors;
import io.heavylegs.web.Forms;
import io.heavylegs.web.TextInput;

/**
 * A new share link as typed on {@code /shares}: the report's range ({@code from}, {@code to}, read with the report's
 * own rules) and for how many days the link works ({@code days}, 1 to {@value #MAX_DAYS}).
 */
public class ShareForm implements Form {

    public static final int MAX_DAYS = 30;
    public static final int DEFAULT_DAYS = 7;

    @RestForm
    public String from;

    @RestForm
    public String to;

    @RestForm
    @NotBlank(message = "Choose how many days the link works, from 1 to 30.")
    public String days;

    private LocalDate today;
    private Optional<LocalDate> firstEntry = Optional.empty();
    private DateRange range;
    private int parsedDays;

    /** The form as first shown: the report's default range, a week. */
    public static ShareForm blank(DateRange defaultRange) {
        ShareForm form = new ShareForm();
        form.from = defaultRange.from().toString();
        form.to = defaultRange.to().toString();
        form.days = Integer.toString(DEFAULT_DAYS);
        return form;
    }

    public FormErrors validate(LocalDate today, Optional<LocalDate> firstEntry) {
        this.today = today;
        this.firstEntry = firstEntry;
        return Forms.validate(this);
    }

    @Override
    public void checkTogether(FormErrors errors) {
        ReportRangeForm typedRange = new ReportRangeForm();
        typedRange.from = from;
        typedRange.to = to;
        FormErrors rangeErrors = typedRange.validate(today, firstEntry);
        rangeErrors.all().forEach(errors::add);
        if (!errors.has("days")) {
            String typed = days.strip();
            int value = typed.matches("\\d{1,2}") ? Integer.parseInt(typed) : -1;
            if (value < 1 || value > MAX_DAYS) {
                errors.add("days", "\u201c" + TextInput.quoted(days) + "\u201d is not a number of days from 1 to "
                        + MAX_DAYS + ".");
            } else {
                parsedDays = value;
            }
        }
        if (errors.isEmpty()) {
            range = typedRange.range();
        }
    }

    /** The range; only after {@link #validate} found nothing wrong. */
    public DateRange range() {
        return range;
    }

    /**
     * The number of days; only after {@link #validate} found nothing wrong. Not {@code days()}: the template's
     * {@code form.days} would read it instead of the typed field, 0 for a form shown again unvalidated.
     */
    public int validDays() {
        return parsedDays;
    }
}
