package io.heavylegs.export;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import io.heavylegs.journal.JournalFixtures;
import io.heavylegs.support.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * {@code GET /account/export.fhir} read back by HAPI FHIR's R4 parser in strict mode (an unknown element, a
 * malformed value or a wrong type fails the parse): the resource types, codes, units and ranges, the references
 * resolving inside the bundle, and nothing of another user.
 */
@QuarkusTest
class FhirExportTest {

    /** Building the context scans the R4 model once; the tests share it. */
    private static final FhirContext R4 = FhirContext.forR4();

    @Inject
    JournalFixtures fixtures;

    @Inject
    DataSource dataSource;

    @Test
    void exportsLabResultsTreatmentsAndJournalAsAnR4Bundle() {
        TestUser user = TestUser.registered();
        user.post("/account/profile", Map.of("name", "Ada Example", "birthDate", "1980-04-23",
                "timeZone", "Europe/Berlin")).then().statusCode(303);
        user.post("/labs", Map.of("test", "vitamin-b12", "value", "150.0", "unit", "ng/L", "low", "180",
                "high", "900", "date", "2026-09-01", "notes", "Fasting")).then().statusCode(303);
        user.post("/labs", Map.of("test", "ferritin", "value", "45", "unit", "µg/L", "low", "30", "high", "400",
                "date", "2026-10-02")).then().statusCode(303);
        user.post("/labs", Map.of("test", "other", "name", "Zinc", "value", "11.2", "unit", "µmol/L",
                "date", "2026-10-02")).then().statusCode(303);
        user.post("/treatments", Map.of("kind", "supplement", "name", "Vitamin B12", "dose", "1000 µg a day",
                "started", "2026-09-03")).then().statusCode(303);
        user.post("/treatments", Map.of("kind", "medicine", "name", "Metformin", "started", "2025-01-10",
                "stopped", "2025-06-30")).then().statusCode(303);
        user.post("/journal", Map.of("date", "2026-07-15", "time", "08:30", "severity", "6", "side", "left",
                "symptoms", List.of("tingling", "numbness"), "factors", List.of("vegan-diet"),
                "notes", "Stairs were hard")).then().statusCode(303);
        user.post("/journal", Map.of("date", "2026-07-16", "severity", "2")).then().statusCode(303);
        // 02:30 never happened in Berlin that night (the clocks went from 02:00 to 03:00)
        user.post("/journal", Map.of("date", "2026-03-29", "time", "02:30", "severity", "1")).then().statusCode(303);

        Response answer = user.get("/account/export.fhir");
        answer.then().statusCode(200).contentType(containsString("application/fhir+json"))
                .header("Content-Disposition", containsString("attachment"))
                .header("Cache-Control", containsString("no-store"));
        Bundle bundle = parse(answer.asString());

        assertEquals(Bundle.BundleType.COLLECTION, bundle.getType());
        assertEquals(1, resources(bundle, Patient.class).size());
        Patient patient = resources(bundle, Patient.class).get(0);
        assertEquals("Ada Example", patient.getNameFirstRep().getText());
        assertEquals("1980-04-23", patient.getBirthDateElement().getValueAsString());
        assertTrue(patient.getTelecom().isEmpty() && patient.getIdentifier().isEmpty(), "no e-mail, no ids");
        assertFalse(answer.asString().contains(user.email));
        referencesResolveInside(bundle);

        List<Observation> labs = observations(bundle, "laboratory");
        assertEquals(3, labs.size());
        Observation b12 = withText(labs, "Vitamin B12");
        Coding loinc = b12.getCode().getCodingFirstRep();
        assertEquals("http://loinc.org", loinc.getSystem());
        assertEquals("2132-9", loinc.getCode());
        assertEquals(Observation.ObservationStatus.FINAL, b12.getStatus());
        assertEquals("2026-09-01", b12.getEffectiveDateTimeType().getValueAsString());
        Quantity value = b12.getValueQuantity();
        assertEquals(new BigDecimal("150.0"), value.getValue(), "the precision the lab printed");
        assertEquals("ng/L", value.getUnit());
        assertEquals("http://unitsofmeasure.org", value.getSystem());
        assertEquals("ng/L", value.getCode());
        assertEquals(0, new BigDecimal("180").compareTo(b12.getReferenceRangeFirstRep().getLow().getValue()));
        assertEquals(0, new BigDecimal("900").compareTo(b12.getReferenceRangeFirstRep().getHigh().getValue()));
        assertEquals("ng/L", b12.getReferenceRangeFirstRep().getHigh().getUnit());
        assertEquals("L", b12.getInterpretationFirstRep().getCodingFirstRep().getCode(), "below the lab's range");
        assertEquals("Fasting", b12.getNoteFirstRep().getText());

        Observation ferritin = withText(labs, "Ferritin");
        assertEquals("2276-4", ferritin.getCode().getCodingFirstRep().getCode());
        assertEquals("µg/L", ferritin.getValueQuantity().getUnit(), "the unit as printed");
        assertEquals("ug/L", ferritin.getValueQuantity().getCode(), "its UCUM code");
        assertEquals("N", ferritin.getInterpretationFirstRep().getCodingFirstRep().getCode());

        Observation zinc = withText(labs, "Zinc");
        assertTrue(zinc.getCode().getCoding().isEmpty(), "another test has no LOINC code of the app's choosing");
        assertTrue(zinc.getReferenceRange().isEmpty() && zinc.getInterpretation().isEmpty(), "no range, no judgement");
        assertEquals("umol/L", zinc.getValueQuantity().getCode());

        List<MedicationStatement> treatments = resources(bundle, MedicationStatement.class);
        assertEquals(2, treatments.size());
        MedicationStatement b12Supplement = treatments.stream()
                .filter(t -> t.getMedicationCodeableConcept().getText().equals("Vitamin B12")).findFirst().orElseThrow();
        assertEquals(MedicationStatement.MedicationStatementStatus.ACTIVE, b12Supplement.getStatus());
        assertEquals("2026-09-03", b12Supplement.getEffectivePeriod().getStartElement().getValueAsString());
        assertNull(b12Supplement.getEffectivePeriod().getEnd());
        assertEquals("1000 µg a day", b12Supplement.getDosageFirstRep().getText());
        assertEquals("Supplement", b12Supplement.getCategory().getText());
        MedicationStatement metformin = treatments.stream()
                .filter(t -> t.getMedicationCodeableConcept().getText().equals("Metformin")).findFirst().orElseThrow();
        assertEquals(MedicationStatement.MedicationStatementStatus.COMPLETED, metformin.getStatus());
        assertEquals("2025-06-30", metformin.getEffectivePeriod().getEndElement().getValueAsString());

        List<Observation> journal = observations(bundle, "survey");
        assertEquals(3, journal.size());
        assertEquals("2026-03-29T02:30:00+01:00", journal.get(0).getEffectiveDateTimeType().getValueAsString(),
                "the time as typed, with the offset from before the clocks changed");
        Observation first = journal.get(1);
        assertEquals(6, first.getValueIntegerType().getValue());
        // 08:30 in Berlin in July is summer time: the offset FHIR requires with a time of day
        assertEquals("2026-07-15T08:30:00+02:00", first.getEffectiveDateTimeType().getValueAsString());
        assertEquals("Left leg", first.getBodySite().getText());
        assertEquals(List.of("Symptom:Numbness", "Symptom:Pins and needles", "Factor:Vegan or mostly plant-based diet"),
                first.getComponent().stream()
                        .map(c -> c.getCode().getText() + ":" + c.getValueCodeableConcept().getText()).toList());
        assertEquals("Stairs were hard", first.getNoteFirstRep().getText());
        assertEquals("2026-07-16", journal.get(2).getEffectiveDateTimeType().getValueAsString());
        assertTrue(journal.get(2).getComponent().isEmpty() && journal.get(2).getNote().isEmpty());
    }

    @Test
    void aUserWithNoDataGetsAValidBundleWithOnlyThePatient() {
        TestUser user = TestUser.registered();
        Bundle bundle = parse(user.get("/account/export.fhir").then().statusCode(200).extract().asString());
        assertEquals(Bundle.BundleType.COLLECTION, bundle.getType());
        assertEquals(1, bundle.getEntry().size());
        Patient patient = (Patient) bundle.getEntryFirstRep().getResource();
        assertTrue(patient.getName().isEmpty() && patient.getBirthDate() == null, "nothing the user did not give");
    }

    @Test
    void notesWithOddCharactersStayValidJson() {
        TestUser user = TestUser.registered();
        String notes = "Quote \" backslash \\ slash / <script>alert(1)</script> & \u2028line\u2029sep\ttab\n"
                + "new line, emoji \uD83E\uDDB5, right-to-left \u202Eabc, bidi \u200F, end";
        user.post("/journal", Map.of("date", "2026-07-15", "severity", "4", "notes", notes)).then().statusCode(303);
        user.post("/treatments", Map.of("kind", "supplement", "name", "Iron \"slow\" \\ release", "started",
                "2026-07-01", "notes", notes)).then().statusCode(303);

        Bundle bundle = parse(user.get("/account/export.fhir").then().statusCode(200).extract().asString());
        assertEquals(notes, observations(bundle, "survey").get(0).getNoteFirstRep().getText());
        MedicationStatement iron = resources(bundle, MedicationStatement.class).get(0);
        assertEquals("Iron \"slow\" \\ release", iron.getMedicationCodeableConcept().getText());
        assertEquals(notes, iron.getNoteFirstRep().getText());
    }

    @Test
    void anotherUsersExportHoldsNothingOfTheFirst() {
        TestUser a = TestUser.registered();
        a.post("/account/profile", Map.of("name", "Alice Firstuser", "birthDate", "1970-01-02", "timeZone", "UTC"))
                .then().statusCode(303);
        a.post("/journal", Map.of("date", "2026-07-01", "severity", "9", "notes", "alice-journal-secret"))
                .then().statusCode(303);
        a.post("/treatments", Map.of("kind", "medicine", "name", "alice-treatment-secret", "started", "2026-06-01"))
                .then().statusCode(303);
        a.post("/labs", Map.of("test", "other", "name", "alice-lab-secret", "value", "1", "unit", "alice-unit",
                "date", "2026-06-02")).then().statusCode(303);
        TestUser b = TestUser.registered();
        b.post("/journal", Map.of("date", "2026-07-02", "severity", "3", "notes", "bob's own day"))
                .then().statusCode(303);

        String exported = b.get("/account/export.fhir").then().statusCode(200).extract().asString();
        for (String ofA : List.of("Alice", "1970-01-02", "alice-", a.email, "2026-07-01", "2026-06-0")) {
            assertFalse(exported.contains(ofA), ofA + " of the first user in the second user's export");
        }
        Bundle bundle = parse(exported);
        assertEquals(2, bundle.getEntry().size(), "B's patient and B's one entry");
        assertEquals("bob's own day", observations(bundle, "survey").get(0).getNoteFirstRep().getText());
        assertTrue(observations(bundle, "laboratory").isEmpty());
        assertTrue(resources(bundle, MedicationStatement.class).isEmpty());
    }

    @Test
    void exportNeedsASignedInUser() {
        TestUser.anonymous().get("/account/export.fhir").then().statusCode(302)
                .header("Location", containsString("/login"));
    }

    /**
     * More entries than one journal page, several on a day with and without a time: every entry once, oldest
     * first, across the page boundaries.
     */
    @Test
    void streamsAJournalLongerThanOnePage() throws Exception {
        TestUser user = TestUser.registered();
        long owner = fixtures.ownerId(user);
        int days = 700;
        // three entries a day, two with a time and one without: 2,100 entries, four pages and a part
        String sql = "INSERT INTO journal_entry (owner_id, entry_date, entry_time, severity)"
                + " SELECT ?, date '2020-01-01' + d, CASE WHEN k < 3 THEN time '07:00' + k * interval '5 hours' END,"
                + " (d + k) % 11 FROM generate_series(0, ? - 1) AS d CROSS JOIN generate_series(1, 3) AS k";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, owner);
            statement.setInt(2, days);
            assertEquals(days * 3, statement.executeUpdate());
        }
        assertTrue(days * 3 > 4 * FhirExport.JOURNAL_PAGE);

        long start = System.nanoTime();
        String exported = user.get("/account/export.fhir").then().statusCode(200).extract().asString();
        long millis = (System.nanoTime() - start) / 1_000_000;
        Bundle bundle = parse(exported);
        List<Observation> journal = observations(bundle, "survey");
        assertEquals(days * 3, journal.size());
        List<String> dates = journal.stream().map(o -> o.getEffectiveDateTimeType().getValueAsString().substring(0, 10))
                .toList();
        assertEquals(dates.stream().sorted().toList(), dates, "oldest first");
        assertEquals(days, new HashSet<>(dates).size());
        assertEquals(days * 3 + 1, bundle.getEntry().stream().map(BundleEntryComponent::getFullUrl).distinct().count(),
                "every entry once");
        System.out.printf("FHIR export of %d entries: %d bytes in %d ms%n", journal.size(), exported.length(), millis);
    }

    /** Strict: whatever HAPI would only warn about (an unknown element, a bad value) fails the test. */
    private static Bundle parse(String json) {
        IParser parser = R4.newJsonParser();
        parser.setParserErrorHandler(new StrictErrorHandler());
        return parser.parseResource(Bundle.class, json);
    }

    /** Every entry has a urn:uuid fullUrl of its own, and every reference names one of them. */
    private static void referencesResolveInside(Bundle bundle) {
        Set<String> fullUrls = bundle.getEntry().stream().map(BundleEntryComponent::getFullUrl)
                .collect(Collectors.toSet());
        assertEquals(bundle.getEntry().size(), fullUrls.size(), "fullUrls are unique");
        assertTrue(fullUrls.stream().allMatch(u -> u.matches("urn:uuid:[0-9a-f-]{36}")), fullUrls.toString());
        String patient = bundle.getEntry().stream().filter(e -> e.getResource() instanceof Patient)
                .map(BundleEntryComponent::getFullUrl).findFirst().orElseThrow();
        for (BundleEntryComponent entry : bundle.getEntry()) {
            List<Reference> references = R4.newTerser().getAllPopulatedChildElementsOfType(entry.getResource(),
                    Reference.class);
            if (!(entry.getResource() instanceof Patient)) {
                assertFalse(references.isEmpty(), entry.getResource().fhirType() + " names its patient");
            }
            for (Reference reference : references) {
                assertEquals(patient, reference.getReference(), "the patient of this bundle");
            }
        }
    }

    private static <T extends IBaseResource> List<T> resources(Bundle bundle, Class<T> type) {
        return bundle.getEntry().stream().map(BundleEntryComponent::getResource).filter(type::isInstance)
                .map(type::cast).toList();
    }

    private static List<Observation> observations(Bundle bundle, String category) {
        Predicate<Observation> inCategory = o -> o.getCategory().stream()
                .anyMatch(c -> c.getCodingFirstRep().getCode().equals(category));
        return resources(bundle, Observation.class).stream().filter(inCategory).toList();
    }

    private static Observation withText(List<Observation> observations, String text) {
        return observations.stream().filter(o -> o.getCode().getText().equals(text)).findFirst().orElseThrow();
    }
}
