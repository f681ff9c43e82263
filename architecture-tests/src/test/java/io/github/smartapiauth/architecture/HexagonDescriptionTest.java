package io.github.smartapiauth.architecture;

import static io.github.smartapiauth.architecture.RuleFixtures.classesOf;
import static io.github.smartapiauth.architecture.RuleFixtures.violationFixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The description itself: its defaults, its immutability, and the clear errors of lines that do not fit. */
class HexagonDescriptionTest {

    @Test
    void theCommonCaseIsABasePackageAndTheDefaults() {
        Hexagon hexagon = Hexagon.basePackage("com.acme.shop");

        assertThat(hexagon.toString()).isEqualTo(String.join("\n        ",
                "Hexagon.basePackage(\"com.acme.shop\")",
                ".domain(\"domain\") (default)",
                ".application(\"application\") (default)",
                ".drivingPorts(\"application.port.in\") (default)",
                ".drivingPortsNamed(\"*UseCase\") (default)",
                ".drivenPorts(\"application.port.out\") (default)",
                ".drivenPortsNamed(\"*Port\") (default)",
                ".adaptersIn(\"adapter\") (default)",
                ".configuration(\"config\") (default)",
                ".allowInDomainAndApplication() (default)",
                ".entryPoints() (default)",
                ".mainClassesAreEntryPointsIn() (default)",
                ".mayPrint() (default)",
                ".mayReadTheSystemClock() (default)"));
        assertThat(hexagon.rules().keySet()).containsExactly("layers", "everyClassBelongsToAPart",
                "domainIsFreeOfFrameworks", "applicationIsFreeOfFrameworks",
                "domainAndApplicationCarryNoFrameworkAnnotations", "adaptersDoNotDependOnEachOther",
                "nothingDependsOnConfiguration", "drivingPortsFollowTheirNaming", "drivingPortNamesAreReserved",
                "drivenPortsFollowTheirNaming", "drivenPortNamesAreReserved", "portsUseOnlyDomainAndJdkTypes",
                "noPackageCycles", "noStandardStreamsOutsideEntryPoints", "noSystemExitOutsideEntryPoints",
                "noFieldInjection", "timeComesFromAClock");
    }

    @Test
    void eachLineReturnsANewDescriptionAndLeavesTheOldOneAlone() {
        Hexagon plain = Hexagon.basePackage("com.acme.shop");
        Hexagon confined = plain.confine("Kafka", "org.apache.kafka..").to("adapter.messaging");

        assertThat(plain.rules()).doesNotContainKey("kafkaIsConfined");
        assertThat(confined.rules()).containsKey("kafkaIsConfined");
        assertThat(plain).isNotEqualTo(confined).isEqualTo(Hexagon.basePackage("com.acme.shop"));
    }

    @Test
    void theDefaultPortsMoveWithTheApplication() {
        String described = Hexagon.basePackage("com.acme.shop").application("usecase").toString();

        assertThat(described).contains(".drivingPorts(\"usecase.port.in\") (default)")
                .contains(".drivenPorts(\"usecase.port.out\") (default)");
    }

    @Test
    void libraryRulesAreNamedAfterTheLibrary() {
        Hexagon hexagon = Hexagon.basePackage("com.acme.shop")
                .confine("Bouncy Castle", "org.bouncycastle..").to("adapter.vault")
                .forbid("java.util.logging", "java.util.logging..");

        assertThat(hexagon.rules()).containsKeys("bouncyCastleIsConfined", "noJavaUtilLogging");
    }

    @Test
    void partsWithOverlappingPackagesAreRefusedNamingBothLines() {
        Hexagon overlapping = Hexagon.basePackage("com.acme.shop").adaptersIn("application.adapters");

        assertThatThrownBy(overlapping::rules).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the description gives two parts overlapping packages: 'com.acme.shop.application'"
                        + " (.application(\"application\") (default)) and 'com.acme.shop.application.adapters'"
                        + " (.adaptersIn(\"application.adapters\")); give each part a package of its own");
    }

    @Test
    void portsOutsideTheApplicationAreRefused() {
        Hexagon outside = Hexagon.basePackage("com.acme.shop").drivingPorts("api");

        assertThatThrownBy(outside::rules).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(".drivingPorts(\"api\"): ports live inside the application's package"
                        + " (.application(\"application\") (default)); name a subpackage such as"
                        + " \"application.port.in\"");
    }

    @Test
    void aLibraryConfinedToNoPartOfTheHexagonIsRefused() {
        Hexagon nowhere = Hexagon.basePackage("com.acme.shop").confine("Kafka", "org.apache.kafka..").to("messaging");
        Hexagon domain = Hexagon.basePackage("com.acme.shop").confine("Kafka", "org.apache.kafka..").to("domain");

        assertThatThrownBy(nowhere::rules).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(".confine(\"Kafka\", \"org.apache.kafka..\").to(\"messaging\"): 'messaging' is"
                        + " not inside an adapter, a configuration, standalone or allowed package");
        assertThatThrownBy(domain::rules).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(".allowInDomainAndApplication(...)");
    }

    @Test
    void aLibraryConfinedTwiceIsRefused() {
        Hexagon twice = Hexagon.basePackage("com.acme.shop")
                .confine("Kafka", "org.apache.kafka..").to("adapter.messaging")
                .confine("Kafka", "org.apache.kafka..").to("config");

        assertThatThrownBy(twice::rules).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a library named 'Kafka' is already confined; confine it once, to all its places");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "core.", ".core", "core..model", "1core", "core model"})
    void aPartMustBeAPackageNameRelativeToTheBase(String notAPackage) {
        assertThatThrownBy(() -> Hexagon.basePackage("com.acme.shop").domain(notAPackage))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(".domain(...): not a package name relative to the base package");
    }

    @ParameterizedTest
    @ValueSource(strings = {"UseCase", "*Use.Case", "*Use Case", ""})
    void aNamePatternHasAStarAmongTheLetters(String notAPattern) {
        assertThatThrownBy(() -> Hexagon.basePackage("com.acme.shop").drivingPortsNamed(notAPattern))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(".drivingPortsNamed(...): not a name pattern");
    }

    @Test
    void aLibraryNeedsANameAndPackages() {
        Hexagon hexagon = Hexagon.basePackage("com.acme.shop");

        assertThatThrownBy(() -> hexagon.confine("Kafka")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(".confine(\"Kafka\", ...) needs the library's packages, such as \"org.apache.kafka..\"");
        assertThatThrownBy(() -> hexagon.forbid(" ", "org.apache.kafka..")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> hexagon.confine("Kafka", "org apache")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a library package: \"org apache\"");
    }

    @Test
    void aNamePatternMayHaveSeveralStars() {
        Hexagon queries = SamplePlatformRulesTest.PLATFORM.drivingPortsNamed("*Order*Case");
        String fixture = violationFixture(SamplePlatformRulesTest.FIXTURES, "drivingPortsFollowTheirNaming");

        assertThat(RuleFixtures.violations(queries, "drivingPortsFollowTheirNaming", fixture)).containsExactly(
                "Class <" + fixture + ".usecase.api.PlaceOrder> does not have simple name matching '*Order*Case'"
                        + " in (PlaceOrder.java:0)");
    }

    /** An explicit list instead of a root: each listed package is one adapter, named by its package. */
    @Test
    void explicitlyListedAdaptersAreIndependentToo() {
        Hexagon listed = SamplePlatformRulesTest.PLATFORM.adapters("infrastructure.messaging",
                "infrastructure.persistence", "infrastructure.web");
        String fixture = violationFixture(SamplePlatformRulesTest.FIXTURES, "adaptersDoNotDependOnEachOther");

        assertThat(RuleFixtures.violations(listed, "adaptersDoNotDependOnEachOther", fixture)).containsExactly(
                "adapter 'infrastructure.messaging' depends on adapter 'infrastructure.persistence':\n"
                        + "Method <" + fixture + ".infrastructure.messaging.RedisMarketEvents.replay(" + fixture
                        + ".infrastructure.persistence.OrderTable)> has parameter of type <" + fixture
                        + ".infrastructure.persistence.OrderTable> in (RedisMarketEvents.java:0)");
    }

    @Test
    void checkFailsOnceListingEveryBrokenRuleWithItsLinesAndFix() {
        String fixture = violationFixture(SamplePlatformRulesTest.FIXTURES, "lettuceIsConfined");

        assertThatThrownBy(() -> SamplePlatformRulesTest.PLATFORM.withBasePackage(fixture).check(classesOf(fixture)))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("11 architecture rule(s) of " + fixture + " broken:")
                .hasMessageContaining("Rule 'domainIsFreeOfFrameworks: the domain depends on the JDK, org.slf4j.. and"
                        + " itself only [from the description: .domain(\"core\")")
                .hasMessageContaining("failed to check any classes")
                .hasMessageContaining("Rule 'lettuceIsConfined: Lettuce (io.lettuce..) is used only in"
                        + " infrastructure.messaging [from the description: .confine(\"Lettuce\", \"io.lettuce..\")"
                        + ".to(\"infrastructure.messaging\")]; to fix: move the code that needs Lettuce into"
                        + " infrastructure.messaging (behind a port, with types of its own at the border), or add the"
                        + " place to the line's .to(...)' was violated (1 times)");
    }

    @Test
    void theRulesOfOneDescriptionAreTheSameWhereverItIsUsed() {
        List<String> names = List.copyOf(SamplePlatformRulesTest.PLATFORM.rules().keySet());
        assertThat(SamplePlatformRulesTest.PLATFORM.withBasePackage("org.other").rules().keySet()).containsExactlyElementsOf(names);
    }
}
