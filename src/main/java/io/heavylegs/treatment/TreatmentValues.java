package io.heavylegs.treatment;

import java.time.LocalDate;

/** A treatment as the form validated it; {@code stopped} null while the user still takes it. */
public record TreatmentValues(TreatmentKind kind, String name, String dose, LocalDate started, LocalDate stopped,
        String notes) {
}
