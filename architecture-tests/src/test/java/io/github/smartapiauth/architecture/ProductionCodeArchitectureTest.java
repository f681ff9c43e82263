package io.github.smartapiauth.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Applies every rule of smartapi-auth's description to its production code: the jars of the production modules this module
 * depends on (see its pom), without test classes.
 */
class ProductionCodeArchitectureTest {

    private static final Map<String, ArchRule> RULES = SmartApiAuthRules.rules();

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(SmartApiAuthRules.BASE_PACKAGE);

    /**
     * Violations found in production code and reported for a fix there, by rule. The test requires exactly
     * these (no new ones, and none that has been fixed): when one is fixed, delete its entry here. This list
     * only shrinks; a rule is never weakened to let production code through. Empty while the code is clean.
     */
    private static final Map<String, List<String>> KNOWN_FINDINGS = Map.of();

    static Stream<Arguments> rules() {
        return RULES.entrySet().stream().map(rule -> Arguments.of(rule.getKey(), rule.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void productionCodeFollowsTheRule(String name, ArchRule rule) {
        List<String> known = KNOWN_FINDINGS.getOrDefault(name, List.of());
        if (known.isEmpty()) {
            rule.check(PRODUCTION);
        } else {
            assertThat(rule.evaluate(PRODUCTION).getFailureReport().getDetails())
                    .as("violations of %s (a known finding that is gone was fixed: delete it from KNOWN_FINDINGS)",
                            name)
                    .containsExactlyInAnyOrderElementsOf(known);
        }
    }

    @Test
    void knownFindingsNameExistingRules() {
        assertThat(RULES.keySet()).containsAll(KNOWN_FINDINGS.keySet());
    }

    /** Guards against rules that pass because they were shown nothing. */
    @Test
    void theRulesSeeTheProductionModulesAndNoTestClass() {
        Set<String> modules = PRODUCTION.stream()
                .map(JavaClass::getPackageName)
                .map(name -> name.substring(SmartApiAuthRules.BASE_PACKAGE.length() + 1).split("\\.")[0])
                .collect(Collectors.toSet());
        assertThat(modules).contains("domain", "application", "architecture");
        assertThat(PRODUCTION.stream().map(JavaClass::getSimpleName)).noneMatch(name -> name.endsWith("Test"));
        assertThat(PRODUCTION.contain("io.github.smartapiauth.application.port.out.SessionLeasePort$Lease")).isTrue();
    }
}
