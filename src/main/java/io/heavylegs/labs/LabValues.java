package io.heavylegs.labs;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A lab result as the form validated it; {@code name} only for {@link LabTest#OTHER}, low and high optional. */
public record LabValues(LabTest test, String name, BigDecimal value, String unit, BigDecimal low, BigDecimal high,
        LocalDate date, String notes) {
}
