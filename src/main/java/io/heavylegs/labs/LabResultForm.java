package io.heavylegs.labs;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.regex.Pattern;

import jakarta.validation.constraints.NotBlank;

import org.jboss.resteasy.reactive.RestForm;

import io.heavylegs.web.DateInput;
import io.heavylegs.web.FormErrors;
import io.heavylegs.web.TextInput;
import io.heavylegs.web.VersionedForm;

/**
 * The lab result form as typed (contract "Lab result fields"). Every field stays text, so that a refused form
 * comes back exactly as the user left it; {@link #validate} turns it into {@link LabValues}.
 */
public class LabResultForm extends VersionedForm<LabValues> {

    public static final int NAME_LIMIT = 100;
    public static final int UNIT_LIMIT = 20;
    public static final int NOTES_LIMIT = 500;
    /** Up to nine digits before the point and six after: more than any lab prints, few enough to show whole. */
    private static final Pattern DECIMAL = Pattern.compile("\\d{1,9}(\\.\\d{1,6})?");

    @RestForm
    @NotBlank(message = "Choose the test, or Another test and give its name.")
    public String test;

    @RestForm
    public String name;

    @RestForm
    @NotBlank(message = "Enter the result as a number, for example 12 or 4.5.")
    public String value;

    @RestForm
    @NotBlank(message = "Enter the unit as printed on your results, for example µg/L or nmol/L.")
    public String unit;

    @RestForm
    public String low;

    @RestForm
    public String high;

    @RestForm
    @NotBlank(message = "Enter the date of the blood test.")
    public String date;

    @RestForm
    public String notes;

    /** A blank form for a new result, dated today. */
    public static LabResultForm forNew(LocalDate today) {
        LabResultForm form = new LabResultForm();
        form.date = today.toString();
        return form;
    }

    /** The stored result as the edit form shows it. */
    public static LabResultForm of(LabResult result) {
        LabResultForm form = new LabResultForm();
        form.test = result.test().code;
        form.name = result.name;
        form.value = result.value.toPlainString();
        form.unit = result.unit;
        form.low = result.low == null ? null : result.low.toPlainString();
        form.high = result.high == null ? null : result.high.toPlainString();
        form.date = result.date.toString();
        form.notes = result.notes;
        form.version = Integer.toString(result.version);
        return form;
    }

    @Override
    public void checkTogether(FormErrors errors) {
        LabTest parsedTest = null;
        if (!errors.has("test")) {
            parsedTest = LabTest.fromCode(test.strip()).orElse(null);
            if (parsedTest == null) {
                errors.add("test", "\u201c" + TextInput.quoted(test) + "\u201d is not a test on the list: choose one, "
                        + "or Another test and give its name.");
            }
        }
        String parsedName = TextInput.singleLine(name, NAME_LIMIT, "name", "The test's name", errors);
        if (parsedTest == LabTest.OTHER && parsedName == null && !errors.has("name")) {
            errors.add("name", "Enter the name of the test as printed, for example Vitamin B6.");
        }
        BigDecimal parsedValue = errors.has("value") ? null : decimal(value, "value", "The result", errors);
        String parsedUnit = errors.has("unit") ? null
                : TextInput.singleLine(unit, UNIT_LIMIT, "unit", "The unit", errors);
        BigDecimal parsedLow = DateInput.isBlank(low) ? null : decimal(low, "low", "The lower limit", errors);
        BigDecimal parsedHigh = DateInput.isBlank(high) ? null : decimal(high, "high", "The upper limit", errors);
        if (parsedLow != null && parsedHigh != null && parsedLow.compareTo(parsedHigh) > 0) {
            errors.add("low", "The lower limit (" + parsedLow.toPlainString() + ") cannot be above the upper limit ("
                    + parsedHigh.toPlainString() + "). Check the range on your results.");
        }
        LocalDate parsedDate = errors.has("date") ? null
                : DateInput.parsePast(date, "date", "Enter the date of the blood test.", today, errors).orElse(null);
        String parsedNotes = TextInput.multiLine(notes, NOTES_LIMIT, "notes", "Notes", errors);
        if (errors.isEmpty()) {
            accept(new LabValues(parsedTest, parsedTest == LabTest.OTHER ? parsedName : null, parsedValue,
                    parsedUnit, parsedLow, parsedHigh, parsedDate, parsedNotes));
        }
    }

    /**
     * A decimal of 0 or more as labs print it; a decimal comma (4,5) is read as a point, since many labs print
     * one.
     */
    private static BigDecimal decimal(String typed, String field, String label, FormErrors errors) {
        String number = typed.strip();
        if (number.indexOf(',') >= 0 && number.indexOf('.') < 0 && number.indexOf(',') == number.lastIndexOf(',')) {
            number = number.replace(',', '.');
        }
        if (DECIMAL.matcher(number).matches()) {
            return new BigDecimal(number);
        }
        if (number.startsWith("-") && DECIMAL.matcher(number.substring(1)).matches()) {
            errors.add(field, label + " cannot be below 0.");
        } else {
            errors.add(field, "\u201c" + TextInput.quoted(typed) + "\u201d is not a number: enter the number only, "
                    + "for example 12 or 4.5 (at most 9 digits before the point and 6 after).");
        }
        return null;
    }

    public boolean isTest(String code) {
        return test != null && test.strip().equals(code);
    }
}
