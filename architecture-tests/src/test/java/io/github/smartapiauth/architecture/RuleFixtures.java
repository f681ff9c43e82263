package io.github.smartapiauth.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Fixture code for the rules' self-tests: under a root package, {@code compliant} (a small complete code base
 * that follows every rule) and {@code violations.<rule name in lower case>} (one per rule, each its own base
 * package, with exactly one planted violation next to allowed code).
 */
final class RuleFixtures {

    private RuleFixtures() {
    }

    static String violationFixture(String root, String rule) {
        return root + ".violations." + rule.toLowerCase(Locale.ROOT);
    }

    private static final Map<String, JavaClasses> IMPORTED = new ConcurrentHashMap<>();

    /** A fixture's classes, imported once per test run (importing is what makes these tests slow). */
    static JavaClasses classesOf(String fixture) {
        JavaClasses classes = IMPORTED.computeIfAbsent(fixture, name -> new ClassFileImporter().importPackages(name));
        assertThat(classes).as("classes of fixture %s", fixture).isNotEmpty();
        return classes;
    }

    static EvaluationResult evaluate(Hexagon description, String rule, String fixture) {
        Map<String, ArchRule> rules = description.withBasePackage(fixture).rules();
        assertThat(rules).as("rules of %s", fixture).containsKey(rule);
        return rules.get(rule).evaluate(classesOf(fixture));
    }

    static List<String> violations(Hexagon description, String rule, String fixture) {
        return evaluate(description, rule, fixture).getFailureReport().getDetails();
    }

    /** The planted details with {@code {base}} replaced by the fixture's base package. */
    static List<String> expected(List<String> planted, String fixture) {
        return planted.stream().map(detail -> detail.replace("{base}", fixture)).collect(Collectors.toList());
    }
}
