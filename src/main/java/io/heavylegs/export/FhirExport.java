package io.heavylegs.export;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import io.heavylegs.account.Profile;
import io.heavylegs.codes.Factor;
import io.heavylegs.codes.Symptom;
import io.heavylegs.journal.EntryView;
import io.heavylegs.journal.JournalReads;
import io.heavylegs.journal.JournalReads.EntryKey;
import io.heavylegs.labs.LabResult;
import io.heavylegs.labs.LabTest;
import io.heavylegs.labs.RangePosition;
import io.heavylegs.treatment.Treatment;
import io.heavylegs.treatment.TreatmentKind;
import io.heavylegs.web.AppClock;

/**
 * The user's data as a FHIR R4 {@code Bundle} of type {@code collection} ({@code GET /account/export.fhir}), for
 * another health app or a doctor's system: a {@code Patient}, each blood test result as a laboratory
 * {@code Observation} with its LOINC code, each supplement or medicine as a {@code MedicationStatement}, and each
 * journal entry as an {@code Observation} of its severity. Every resource refers to the patient by the patient's
 * {@code fullUrl}, so the references resolve inside the bundle.
 * <p>
 * Written with Jackson's streaming generator rather than a FHIR library: the shapes are few and fixed, and the
 * journal, the one part that can grow without limit, is read in keyset pages of {@value #JOURNAL_PAGE} and written
 * as it is read, so the export holds one page in memory however long the history is.
 * <p>
 * What it leaves out, on purpose: the e-mail address and every database id (the patient is named only by what the
 * user put on the profile for the doctor report: name and date of birth), and the marks, which are the app's
 * pointers to articles and would read as findings in a clinical record. The JSON export holds everything.
 */
@ApplicationScoped
public class FhirExport {

    public static final String MEDIA_TYPE = "application/fhir+json";

    /** Journal entries read and written at a time. */
    static final int JOURNAL_PAGE = 500;

    static final String LOINC = "http://loinc.org";
    static final String UCUM = "http://unitsofmeasure.org";
    static final String OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";
    static final String INTERPRETATION = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";
    static final String MEDICATION_STATEMENT_CATEGORY =
            "http://terminology.hl7.org/CodeSystem/medication-statement-category";

    /** What the severity Observation measures, in words: there is no standard code for heavy legs. */
    static final String SEVERITY_TEXT = "How heavy the legs feel, 0 (not at all) to 10 (worst), from the HeavyLegs journal";

    private static final JsonFactory JSON = JsonFactory.builder().build();

    /**
     * What is read before the answer starts: the profile and the treatments and lab results, which a person types
     * one by one (the journal is read while writing). {@code today} decides whether a treatment is still taken.
     */
    public record Snapshot(long userId, String name, LocalDate birthDate, ZoneId timeZone, LocalDate today,
            List<Treatment> treatments, List<LabResult> labResults) {
    }

    @Inject
    JournalReads journal;

    @Inject
    AppClock clock;

    @Transactional
    public Snapshot load(long userId) {
        Profile profile = Profile.forUser(userId);
        return new Snapshot(userId, profile.name, profile.birthDate, profile.timeZone(),
                LocalDate.ofInstant(clock.now(), profile.timeZone()),
                Treatment.findByOwner(userId), LabResult.findByOwner(userId));
    }

    /** Writes the bundle of {@code snapshot} and of its owner's journal to {@code out}, as UTF-8 JSON. */
    public void write(Snapshot snapshot, OutputStream out) throws IOException {
        try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            // Random names, new for each export: references resolve inside the bundle, and two exports cannot be
            // linked by their ids.
            String patient = "urn:uuid:" + UUID.randomUUID();
            json.writeStartObject();
            json.writeStringField("resourceType", "Bundle");
            json.writeStringField("type", "collection");
            json.writeStringField("timestamp", clock.now().truncatedTo(ChronoUnit.SECONDS).toString());
            json.writeArrayFieldStart("entry");

            startEntry(json, patient, "Patient");
            if (snapshot.name() != null) {
                json.writeArrayFieldStart("name");
                json.writeStartObject();
                json.writeStringField("text", snapshot.name());
                json.writeEndObject();
                json.writeEndArray();
            }
            if (snapshot.birthDate() != null) {
                json.writeStringField("birthDate", snapshot.birthDate().toString());
            }
            endEntry(json);

            for (LabResult result : snapshot.labResults()) {
                writeLabResult(json, patient, result);
            }
            for (Treatment treatment : snapshot.treatments()) {
                writeTreatment(json, patient, treatment, snapshot.today());
            }
            EntryKey after = EntryKey.START;
            List<EntryView> page;
            do {
                page = journal.oldestFirstAfter(snapshot.userId(), after, JOURNAL_PAGE);
                for (EntryView entry : page) {
                    writeJournalEntry(json, patient, entry, snapshot.timeZone());
                }
                if (!page.isEmpty()) {
                    after = EntryKey.of(page.get(page.size() - 1));
                }
                json.flush();
            } while (page.size() == JOURNAL_PAGE);

            json.writeEndArray();
            json.writeEndObject();
        }
    }

    /** A laboratory Observation: LOINC code, the value and range exactly as the lab printed them, the date. */
    private static void writeLabResult(JsonGenerator json, String patient, LabResult result) throws IOException {
        startEntry(json, "urn:uuid:" + UUID.randomUUID(), "Observation");
        json.writeStringField("status", "final");
        category(json, "category", OBSERVATION_CATEGORY, "laboratory", "Laboratory", null);
        LabTest test = result.test();
        json.writeObjectFieldStart("code");
        if (test.loinc != null) {
            json.writeArrayFieldStart("coding");
            coding(json, LOINC, test.loinc, test.loincDisplay);
            json.writeEndArray();
        }
        json.writeStringField("text", result.title());
        json.writeEndObject();
        reference(json, "subject", patient);
        json.writeStringField("effectiveDateTime", result.date.toString());
        json.writeFieldName("valueQuantity");
        quantity(json, result.value, result.unit);
        Optional<RangePosition> position = result.position();
        if (position.isPresent()) {
            Interpretation said = Interpretation.of(position.get());
            category(json, "interpretation", INTERPRETATION, said.code, said.display, null);
        }
        note(json, result.notes);
        if (result.hasRange()) {
            json.writeArrayFieldStart("referenceRange");
            json.writeStartObject();
            if (result.low != null) {
                json.writeFieldName("low");
                quantity(json, result.low, result.unit);
            }
            if (result.high != null) {
                json.writeFieldName("high");
                quantity(json, result.high, result.unit);
            }
            json.writeStringField("text", "The range printed by the lab: " + result.rangeText());
            json.writeEndObject();
            json.writeEndArray();
        }
        endEntry(json);
    }

    /** A MedicationStatement as the patient reported it: the name and dose in their words, the dates taken. */
    private static void writeTreatment(JsonGenerator json, String patient, Treatment treatment, LocalDate today)
            throws IOException {
        startEntry(json, "urn:uuid:" + UUID.randomUUID(), "MedicationStatement");
        json.writeStringField("status", treatment.isCurrent(today) ? "active" : "completed");
        json.writeObjectFieldStart("category");
        json.writeArrayFieldStart("coding");
        coding(json, MEDICATION_STATEMENT_CATEGORY, "patientspecified", "Patient Specified");
        json.writeEndArray();
        json.writeStringField("text", treatment.kind() == TreatmentKind.SUPPLEMENT ? "Supplement" : "Medicine");
        json.writeEndObject();
        json.writeObjectFieldStart("medicationCodeableConcept");
        json.writeStringField("text", treatment.name);
        json.writeEndObject();
        reference(json, "subject", patient);
        json.writeObjectFieldStart("effectivePeriod");
        json.writeStringField("start", treatment.started.toString());
        if (treatment.stopped != null) {
            json.writeStringField("end", treatment.stopped.toString());
        }
        json.writeEndObject();
        reference(json, "informationSource", patient);
        note(json, treatment.notes);
        if (treatment.dose != null) {
            json.writeArrayFieldStart("dosage");
            json.writeStartObject();
            json.writeStringField("text", treatment.dose);
            json.writeEndObject();
            json.writeEndArray();
        }
        endEntry(json);
    }

    /**
     * A journal entry as an Observation of its severity (0–10), with the leg as the body site and each symptom and
     * factor as a component in words. A time of day carries the user's offset on that date, as FHIR requires.
     */
    private static void writeJournalEntry(JsonGenerator json, String patient, EntryView entry, ZoneId zone)
            throws IOException {
        startEntry(json, "urn:uuid:" + UUID.randomUUID(), "Observation");
        json.writeStringField("status", "final");
        category(json, "category", OBSERVATION_CATEGORY, "survey", "Survey", "Symptom journal");
        json.writeObjectFieldStart("code");
        json.writeStringField("text", SEVERITY_TEXT);
        json.writeEndObject();
        reference(json, "subject", patient);
        json.writeStringField("effectiveDateTime", entry.time() == null ? entry.date().toString()
                : withOffset(entry.date().atTime(entry.time()), zone).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        json.writeNumberField("valueInteger", entry.severity());
        note(json, entry.notes());
        if (entry.side() != null) {
            json.writeObjectFieldStart("bodySite");
            json.writeStringField("text", entry.side().label);
            json.writeEndObject();
        }
        if (!entry.symptoms().isEmpty() || !entry.factors().isEmpty()) {
            json.writeArrayFieldStart("component");
            for (Symptom symptom : entry.symptoms()) {
                component(json, "Symptom", symptom.label);
            }
            for (Factor factor : entry.factors()) {
                component(json, "Factor", factor.label);
            }
            json.writeEndArray();
        }
        endEntry(json);
    }

    /**
     * The time as the user typed it, with the offset their zone had then. A time that the clocks skipped (02:30 on
     * the night summer time starts) keeps its wall-clock reading with the offset from before the change, rather
     * than moving an hour as {@code atZone} would; a time that happened twice takes the earlier offset.
     */
    static OffsetDateTime withOffset(LocalDateTime typed, ZoneId zone) {
        return typed.atOffset(zone.getRules().getOffset(typed));
    }

    /** L, N or H: the lab's own range, never one of the app's. */
    private enum Interpretation {
        LOW("L", "Low"), NORMAL("N", "Normal"), HIGH("H", "High");

        final String code;
        final String display;

        Interpretation(String code, String display) {
            this.code = code;
            this.display = display;
        }

        static Interpretation of(RangePosition position) {
            return switch (position) {
                case BELOW -> LOW;
                case WITHIN -> NORMAL;
                case ABOVE -> HIGH;
            };
        }
    }

    private static void startEntry(JsonGenerator json, String fullUrl, String resourceType) throws IOException {
        json.writeStartObject();
        json.writeStringField("fullUrl", fullUrl);
        json.writeObjectFieldStart("resource");
        json.writeStringField("resourceType", resourceType);
    }

    private static void endEntry(JsonGenerator json) throws IOException {
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void coding(JsonGenerator json, String system, String code, String display) throws IOException {
        json.writeStartObject();
        json.writeStringField("system", system);
        json.writeStringField("code", code);
        json.writeStringField("display", display);
        json.writeEndObject();
    }

    /** A list of one CodeableConcept with one coding (Observation.category and .interpretation are lists). */
    private static void category(JsonGenerator json, String field, String system, String code, String display,
            String text) throws IOException {
        json.writeArrayFieldStart(field);
        json.writeStartObject();
        json.writeArrayFieldStart("coding");
        coding(json, system, code, display);
        json.writeEndArray();
        if (text != null) {
            json.writeStringField("text", text);
        }
        json.writeEndObject();
        json.writeEndArray();
    }

    private static void reference(JsonGenerator json, String field, String fullUrl) throws IOException {
        json.writeObjectFieldStart(field);
        json.writeStringField("reference", fullUrl);
        json.writeEndObject();
    }

    /**
     * A Quantity with the unit as printed, and its UCUM code where the printed unit is one. The decimal is written
     * as stored, so "150.0" keeps its precision, as FHIR decimals do.
     */
    private static void quantity(JsonGenerator json, BigDecimal value, String unit) throws IOException {
        json.writeStartObject();
        json.writeFieldName("value");
        json.writeNumber(value.toPlainString());
        json.writeStringField("unit", unit);
        Optional<String> ucum = UcumUnits.codeOf(unit);
        if (ucum.isPresent()) {
            json.writeStringField("system", UCUM);
            json.writeStringField("code", ucum.get());
        }
        json.writeEndObject();
    }

    /** An Observation or MedicationStatement component of one symptom or factor, in words. */
    private static void component(JsonGenerator json, String what, String label) throws IOException {
        json.writeStartObject();
        json.writeObjectFieldStart("code");
        json.writeStringField("text", what);
        json.writeEndObject();
        json.writeObjectFieldStart("valueCodeableConcept");
        json.writeStringField("text", label);
        json.writeEndObject();
        json.writeEndObject();
    }

    /** The user's notes as one Annotation; nothing for none. */
    private static void note(JsonGenerator json, String notes) throws IOException {
        if (notes == null || notes.isBlank()) {
            return;
        }
        json.writeArrayFieldStart("note");
        json.writeStartObject();
        json.writeStringField("text", notes);
        json.writeEndObject();
        json.writeEndArray();
    }
}
