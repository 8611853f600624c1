package io.heavylegs.labs;

import java.util.Arrays;
import java.util.Optional;

import io.heavylegs.codes.Coded;

/**
 * The blood tests of the contract's list (field {@code test}). Each has the LOINC code the FHIR export names it by
 * (the usual serum or blood test of that name; the unit stays the one the lab printed), the words a sentence
 * uses for it, and its section of the {@code blood-tests} article.
 */
public enum LabTest implements Coded {

    FERRITIN("ferritin", "Ferritin", "ferritin", "2276-4", "Ferritin [Mass/volume] in Serum or Plasma",
            "ferritin-and-iron-studies"),
    HAEMOGLOBIN("haemoglobin", "Haemoglobin", "haemoglobin", "718-7", "Hemoglobin [Mass/volume] in Blood",
            "haemoglobin-and-the-full-blood-count"),
    VITAMIN_D("vitamin-d", "Vitamin D (25-hydroxy)", "vitamin D", "62292-8",
            "25-Hydroxyvitamin D2+25-Hydroxyvitamin D3 [Mass/volume] in Serum or Plasma", "25-hydroxy-vitamin-d"),
    VITAMIN_B12("vitamin-b12", "Vitamin B12", "B12", "2132-9", "Cobalamin (Vitamin B12) [Mass/volume] in Serum or Plasma",
            "vitamin-b12-and-active-b12"),
    ACTIVE_B12("active-b12", "Active B12 (holotranscobalamin)", "active B12", "72160-5",
            "Holo-transcobalamin II [Moles/volume] in Serum", "vitamin-b12-and-active-b12"),
    FOLATE("folate", "Folate", "folate", "2284-8", "Folate [Mass/volume] in Serum or Plasma", "folate"),
    MAGNESIUM("magnesium", "Magnesium", "magnesium", "19123-9", "Magnesium [Mass/volume] in Serum or Plasma",
            "magnesium"),
    TSH("tsh", "TSH (thyroid)", "TSH", "3016-3", "Thyrotropin [Units/volume] in Serum or Plasma",
            "tsh-the-thyroid-test"),
    HBA1C("hba1c", "HbA1c (blood sugar)", "HbA1c", "4548-4", "Hemoglobin A1c/Hemoglobin.total in Blood",
            "hba1c-the-blood-sugar-test"),
    OTHER("other", "Another test", null, null, null, null);

    public final String code;
    public final String label;
    /** How a sentence names it: "Your ferritin on 2 Oct 2026 was …"; null for {@link #OTHER}, named by the user. */
    public final String inSentence;
    public final String loinc;
    public final String loincDisplay;
    /** The heading id of its section in the {@code blood-tests} article. */
    public final String articleAnchor;

    LabTest(String code, String label, String inSentence, String loinc, String loincDisplay, String articleAnchor) {
        this.code = code;
        this.label = label;
        this.inSentence = inSentence;
        this.loinc = loinc;
        this.loincDisplay = loincDisplay;
        this.articleAnchor = articleAnchor;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String label() {
        return label;
    }

    /** The test's section of the blood-tests article. */
    public String articlePath() {
        return articleAnchor == null ? "/articles/blood-tests" : "/articles/blood-tests#" + articleAnchor;
    }

    public static Optional<LabTest> fromCode(String code) {
        return Arrays.stream(values()).filter(test -> test.code.equals(code)).findFirst();
    }
}
