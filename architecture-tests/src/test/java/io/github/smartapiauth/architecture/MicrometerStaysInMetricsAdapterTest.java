package io.github.smartapiauth.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * Micrometer ({@code io.micrometer..}) only in {@code adapter.metrics} (benchmarks exempt): the facade and
 * the Guice module take the metrics port, so a platform without meters never loads Micrometer. Kept apart
 * from {@link SmartApiAuthRules} for now; it joins {@code all()} when that API settles.
 */
class MicrometerStaysInMetricsAdapterTest {

    static ArchRule micrometerStaysInMetricsAdapter(String base) {
        return noClasses().that().resideInAPackage(base + "..")
                .and().resideOutsideOfPackages(base + ".adapter.metrics..", base + ".benchmarks..")
                .should().dependOnClassesThat().resideInAnyPackage("io.micrometer..")
                .because("Micrometer stays in adapter.metrics (benchmarks exempt)");
    }

    @Test
    void productionCodeUsesMicrometerOnlyInTheMetricsAdapter() {
        JavaClasses production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(SmartApiAuthRules.BASE_PACKAGE);

        micrometerStaysInMetricsAdapter(SmartApiAuthRules.BASE_PACKAGE).check(production);
    }

    @Test
    void theRuleFindsExactlyThePlantedUseInBootstrapAndAllowsTheAdapters() {
        String base = "fixtures.micrometerrule";
        JavaClasses fixture = new ClassFileImporter().importPackages(base);

        assertThat(micrometerStaysInMetricsAdapter(base).evaluate(fixture).getFailureReport().getDetails())
                .containsExactly("Method <" + base + ".bootstrap.Wiring.measure(io.micrometer.core.instrument"
                        + ".MeterRegistry)> has parameter of type <io.micrometer.core.instrument.MeterRegistry>"
                        + " in (Wiring.java:0)");
    }
}
