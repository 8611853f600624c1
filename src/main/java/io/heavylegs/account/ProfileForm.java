package io.heavylegs.account;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.Pattern;

import org.jboss.resteasy.reactive.RestForm;

import io.heavylegs.codes.Factor;
import io.heavylegs.web.DateInput;
import io.heavylegs.web.Form;
import io.heavylegs.web.FormErrors;
import io.heavylegs.web.Forms;
import io.heavylegs.web.TextInput;

/**
 * The profile form as typed (contract: {@code POST /account/profile}). Fields stay text so that a refused form
 * comes back exactly as it was left; {@link #validate} checks them and {@link #applyTo} stores them.
 */
public class ProfileForm implements Form {

    @RestForm
    public String name;

    @RestForm
    public String birthDate;

    @RestForm
    public List<String> standingFactors = new ArrayList<>();

    @RestForm
    public String timeZone;

    @RestForm
    @Pattern(regexp = "\\s*(([01]\\d|2[0-3]):[0-5]\\d)?\\s*", message = "Enter the reminder time as HH:MM on the "
            + "24-hour clock, for example 20:00, or leave it empty for no reminder.")
    public String reminderTime;

    private LocalDate today;
    private String parsedName;
    private LocalDate parsedBirthDate;
    private Set<Factor> parsedFactors;
    private ZoneId parsedZone;
    private LocalTime parsedReminder;

    /** The stored (or default) profile as the form shows it. */
    public static ProfileForm of(Profile profile) {
        ProfileForm form = new ProfileForm();
        form.name = profile.name;
        form.birthDate = profile.birthDate == null ? null : profile.birthDate.toString();
        form.standingFactors = profile.standingFactors().stream().map(Factor::code).toList();
        form.timeZone = profile.timeZone().getId();
        form.reminderTime = profile.reminderTime == null ? null
                : profile.reminderTime.format(java.time.format.DateTimeFormatter.ofPattern("HH:mm"));
        return form;
    }

    /** Checks every field, with {@code today} as the latest date of birth allowed. */
    public FormErrors validate(LocalDate today) {
        this.today = today;
        return Forms.validate(this);
    }

    @Override
    public void checkTogether(FormErrors errors) {
        parsedName = TextInput.singleLine(name, Profile.NAME_LIMIT, "name", "Your name", errors);
        if (!DateInput.isBlank(birthDate)) {
            parsedBirthDate = DateInput.parse(birthDate, "birthDate", errors).orElse(null);
            if (parsedBirthDate != null && parsedBirthDate.isAfter(today)) {
                errors.add("birthDate", "The date of birth cannot be after today (" + today + ").");
                parsedBirthDate = null;
            }
        }
        parsedFactors = EnumSet.noneOf(Factor.class);
        if (standingFactors != null) {
            standingFactors.stream().filter(code -> code != null && !code.isBlank()).forEach(code -> Factor
                    .fromCode(code.strip()).ifPresentOrElse(parsedFactors::add, () -> errors.add("standingFactors",
                            "\u201c" + TextInput.quoted(code) + "\u201d is not a factor on the list: choose from "
                                    + "the boxes below.")));
        }
        String zone = timeZone == null ? "" : timeZone.strip();
        if (zone.isEmpty()) {
            errors.add("timeZone", "Choose your time zone: the city nearest to you in the same zone.");
        } else if (!Profile.isKnownTimeZone(zone)) {
            errors.add("timeZone", "\u201c" + TextInput.quoted(zone) + "\u201d is not a time zone on the list: "
                    + "choose a region and city, for example Europe/London.");
        } else {
            parsedZone = ZoneId.of(zone);
        }
        if (!errors.has("reminderTime") && !DateInput.isBlank(reminderTime)) {
            parsedReminder = LocalTime.parse(reminderTime.strip());
        }
    }

    /** Copies the validated values into {@code profile}; only after {@link #validate} found nothing wrong. */
    void applyTo(Profile profile) {
        if (parsedZone == null) {
            throw new IllegalStateException("The form has not been validated, or it has errors");
        }
        profile.name = parsedName;
        profile.birthDate = parsedBirthDate;
        profile.standingFactors(parsedFactors);
        profile.timeZone(parsedZone);
        profile.reminderTime = parsedReminder;
    }

    /** The factors the form offers, in contract order. */
    public List<Factor> factorChoices() {
        return List.of(Factor.values());
    }

    public List<String> timeZoneChoices() {
        return Profile.timeZones();
    }

    public boolean hasFactor(String code) {
        return standingFactors != null && standingFactors.contains(code);
    }

    public boolean isTimeZone(String zone) {
        return timeZone != null && timeZone.strip().equals(zone);
    }
}
