package io.heavylegs.export;

import java.util.Optional;
import java.util.Set;

/**
 * The UCUM code of a unit as a lab prints it, for the units of the contract's blood tests whose printed form
 * means one UCUM unit and nothing else. Any other printed unit stays text only: a wrong code would tell a
 * receiving system something the lab never said, and the app never converts units.
 */
final class UcumUnits {

    /** UCUM codes ("ug" for micrograms, "m[IU]" for milli-international units). */
    private static final Set<String> KNOWN = Set.of("g/L", "g/dL", "mg/L", "mg/dL", "ug/L", "ug/dL", "ng/L", "ng/mL",
            "pg/mL", "mmol/L", "umol/L", "nmol/L", "pmol/L", "mmol/mol", "%", "m[IU]/L", "u[IU]/mL");

    private UcumUnits() {
    }

    /**
     * "µg/L" → "ug/L", "nmol/l" → "nmol/L", "mIU/L" → "m[IU]/L"; empty for a unit not known here, "mU/L" among
     * them (UCUM's U is the enzyme unit, which a TSH report does not mean).
     */
    static Optional<String> codeOf(String printed) {
        String code = printed.strip()
                .replace('\u00B5', 'u') // micro sign
                .replace('\u03BC', 'u') // Greek small mu, typed for it as often
                .replace("IU", "[IU]");
        if (code.endsWith("/l")) {
            code = code.substring(0, code.length() - 1) + "L";
        }
        return KNOWN.contains(code) ? Optional.of(code) : Optional.empty();
    }
}
