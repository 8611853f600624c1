package io.heavylegs;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;

/**
 * The allowed arrows between the feature packages (ARCHITECTURE.md draws them). A feature may use the packages
 * listed for it and nothing else of the app, so that each can be read without the ones above it; a new
 * dependency between features means changing this table on purpose.
 */
@AnalyzeClasses(packages = "io.heavylegs", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Each feature package and the app packages it may depend on, lowest first. */
    static final Map<String, Set<String>> ALLOWED = new LinkedHashMap<>();
    static {
        ALLOWED.put("codes", Set.of());
        ALLOWED.put("web", Set.of("codes"));
        ALLOWED.put("database", Set.of("codes", "web"));
        ALLOWED.put("marks", Set.of("codes"));
        ALLOWED.put("article", Set.of("codes", "web"));
        ALLOWED.put("account", Set.of("codes", "web", "database"));
        ALLOWED.put("treatment", Set.of("codes", "web", "database", "account"));
        ALLOWED.put("labs", Set.of("codes", "web", "database", "account"));
        ALLOWED.put("journal", Set.of("codes", "web", "database", "marks", "account", "treatment", "labs"));
        ALLOWED.put("insights", Set.of("codes", "web", "database", "marks", "account", "treatment", "labs",
                "journal"));
        ALLOWED.put("reminder", Set.of("codes", "web", "database", "account", "journal"));
        ALLOWED.put("report", Set.of("codes", "web", "database", "marks", "account", "treatment", "labs", "journal",
                "insights", "article"));
        ALLOWED.put("export", Set.of("codes", "web", "database", "marks", "account", "treatment", "labs", "journal",
                "insights", "report"));
    }

    @ArchTest
    static void featuresFormNoCycle(JavaClasses classes) {
        slices().matching("io.heavylegs.(*)..").should().beFreeOfCycles().check(classes);
    }

    @ArchTest
    static void eachFeatureUsesOnlyWhatItIsAllowed(JavaClasses classes) {
        for (Map.Entry<String, Set<String>> feature : ALLOWED.entrySet()) {
            String[] forbidden = ALLOWED.keySet().stream()
                    .filter(other -> !other.equals(feature.getKey()) && !feature.getValue().contains(other))
                    .map(other -> "io.heavylegs." + other + "..").toArray(String[]::new);
            noClasses().that().resideInAPackage("io.heavylegs." + feature.getKey() + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(forbidden)
                    .because(feature.getKey() + " may use only " + feature.getValue())
                    .allowEmptyShould(true)
                    .check(classes);
        }
    }

    @ArchTest
    static void everyPackageIsInTheTable(JavaClasses classes) {
        List<String> unknown = classes.stream().map(c -> c.getPackageName())
                .filter(p -> p.startsWith("io.heavylegs."))
                .map(p -> p.substring("io.heavylegs.".length()).split("\\.")[0])
                .distinct().filter(p -> !ALLOWED.containsKey(p)).toList();
        if (!unknown.isEmpty()) {
            throw new AssertionError("Add these packages to ArchitectureTest.ALLOWED: " + unknown);
        }
    }

    /** The marking rules read like the contract's table and run without a container: no framework in them. */
    @ArchTest
    static void marksAndCodesArePlainJava(JavaClasses classes) {
        noClasses().that().resideInAnyPackage("io.heavylegs.marks..", "io.heavylegs.codes..")
                .should().dependOnClassesThat().resideInAnyPackage(frameworks())
                .because("the rules and the contract's codes are plain data and functions").check(classes);
    }

    /** The stored marks and what keeps them current live with the journal, not with the rules. */
    @ArchTest
    static void noEntityInTheSharedPackages(JavaClasses classes) {
        noClasses().that().resideInAnyPackage("io.heavylegs.marks..", "io.heavylegs.codes..", "io.heavylegs.web..")
                .should().beAnnotatedWith("jakarta.persistence.Entity").check(classes);
    }

    private static String[] frameworks() {
        return Stream.of("jakarta..", "io.quarkus..", "org.hibernate..", "io.vertx..", "io.smallrye..",
                "org.jboss..").toArray(String[]::new);
    }
}
