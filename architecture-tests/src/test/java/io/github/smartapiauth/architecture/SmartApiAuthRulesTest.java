package io.github.smartapiauth.architecture;

import static io.github.smartapiauth.architecture.RuleFixtures.evaluate;
import static io.github.smartapiauth.architecture.RuleFixtures.expected;
import static io.github.smartapiauth.architecture.RuleFixtures.violationFixture;
import static io.github.smartapiauth.architecture.RuleFixtures.violations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tests smartapi-auth's own description ({@link SmartApiAuthRules}) against fixture code under {@value #FIXTURES}
 * (outside smartapi-auth's base package, so the production test never sees it), laid out like smartapi-auth:
 *
 * <ul>
 *   <li>{@code fixtures.archrules.compliant}: a small complete project with every module, using every
 *       allowance (Feign and Jackson in adapter.http, Bouncy Castle in adapter.storage and the sandbox, Lettuce
 *       in adapter.redis, Guice and constructor {@code @Inject} in bootstrap, picocli, {@code System.out},
 *       {@code printStackTrace} and {@code System.exit} in bootstrap.cli, a printing sandbox launcher, a
 *       {@code Clock} subclass, benchmarks using everything). Every rule passes on it.
 *   <li>{@code fixtures.archrules.violations.<rule name in lower case>}: one per rule, each its own base
 *       package, with exactly one planted violation (marked "planted" in its source) next to allowed code.
 *       The rule must report exactly that violation: the expected failure details below, compared as a set,
 *       so a rule that stops finding it, or starts finding something else, fails.
 * </ul>
 *
 * These are the planted violations of the hand-written rules this description replaced, every one still
 * caught (the rules were renamed for the generic description; {@code portsUseOnlyDomainAndJdkTypes} is new).
 * Details are ArchUnit's own violation lines; {@code {base}} stands for the fixture's base package. A
 * {@code :0} line number is ArchUnit's for declarations (bytecode carries lines for code only).
 */
class SmartApiAuthRulesTest {

    static final String FIXTURES = "fixtures.archrules";
    static final String COMPLIANT = FIXTURES + ".compliant";
    private static final Hexagon OURS = SmartApiAuthRules.smartApiAuth();

    private static final Map<String, List<String>> PLANTED = Map.ofEntries(
            entry("layers", List.of(
                    "Method <{base}.application.service.Renewal.renewWith({base}.adapter.http.HttpClient)>"
                            + " has parameter of type <{base}.adapter.http.HttpClient> in (Renewal.java:0): the application may not"
                            + " use adapter 'http' (the application may use only the domain besides itself)")),
            entry("everyClassBelongsToAPart", List.of(
                    "Class <{base}.util.Strings> does not reside in any package ['{base}.domain..',"
                            + " '{base}.application..', '{base}.adapter.*..', '{base}.sandbox..', '{base}.architecture..',"
                            + " '{base}.bootstrap..', '{base}.benchmarks..'] in (Strings.java:0)")),
            entry("domainIsFreeOfFrameworks", List.of(
                    "Method <{base}.domain.Ticket.hex([B)> calls method"
                            + " <org.bouncycastle.util.encoders.Hex.toHexString([B)> in (Ticket.java:13)")),
            entry("applicationIsFreeOfFrameworks", List.of(
                    "Method <{base}.application.service.Renewal.send(feign.Request)> has parameter of type"
                            + " <feign.Request> in (Renewal.java:0)")),
            entry("domainAndApplicationCarryNoFrameworkAnnotations", List.of(
                    "Constructor <{base}.application.service.Renewal.<init>({base}.domain.TicketPolicy)>"
                            + " is annotated with @com.google.inject.Inject in (Renewal.java:11)")),
            entry("adaptersDoNotDependOnEachOther", List.of(
                    "adapter 'storageredis' depends on adapter 'storage':\n"
                            + "Method <{base}.adapter.storageredis.RedisStore.migrateFrom({base}.adapter.storage.FileVault)>"
                            + " has parameter of type <{base}.adapter.storage.FileVault> in (RedisStore.java:0)")),
            entry("nothingDependsOnConfiguration", List.of(
                    "Method <{base}.adapter.http.HttpClient.configure({base}.bootstrap.Settings)>"
                            + " has parameter of type <{base}.bootstrap.Settings> in (HttpClient.java:0)")),
            entry("feignIsConfined", List.of(
                    "Method <{base}.adapter.storage.FileVault.upload(feign.Request)> has parameter of type"
                            + " <feign.Request> in (FileVault.java:0)")),
            entry("jacksonIsConfined", List.of(
                    "Method <{base}.bootstrap.Settings.apiKey()> is annotated with"
                            + " <com.fasterxml.jackson.annotation.JsonIgnore> in (Settings.java:0)")),
            entry("bouncyCastleIsConfined", List.of(
                    "Method <{base}.adapter.http.Signer.hex([B)> calls method"
                            + " <org.bouncycastle.util.encoders.Hex.toHexString([B)> in (Signer.java:9)")),
            entry("lettuceIsConfined", List.of(
                    "Method <{base}.bootstrap.RedisWiring.connect(io.lettuce.core.RedisURI)> has parameter of type"
                            + " <io.lettuce.core.RedisURI> in (RedisWiring.java:0)")),
            entry("micrometerIsConfined", List.of(
                    "Method <{base}.bootstrap.Wiring.measure(io.micrometer.core.instrument.MeterRegistry)> has"
                            + " parameter of type <io.micrometer.core.instrument.MeterRegistry> in (Wiring.java:0)")),
            entry("guiceIsConfined", List.of(
                    "Method <{base}.adapter.http.HttpClient.wire(com.google.inject.Injector)> has parameter of type"
                            + " <com.google.inject.Injector> in (HttpClient.java:0)")),
            entry("picocliIsConfined", List.of(
                    "Method <{base}.sandbox.SandboxMain.parse(picocli.CommandLine)> has parameter of type"
                            + " <picocli.CommandLine> in (SandboxMain.java:0)")),
            entry("drivingPortsFollowTheirNaming", List.of(
                    "Class <{base}.application.port.in.OpenTicket> does not have simple name ending with 'UseCase'"
                            + " in (OpenTicket.java:0)")),
            entry("drivingPortNamesAreReserved", List.of(
                    "Class <{base}.application.service.RefreshTicketUseCase> does not reside in a package"
                            + " '{base}.application.port.in..' in (RefreshTicketUseCase.java:0)")),
            entry("drivenPortsFollowTheirNaming", List.of(
                    "Class <{base}.application.port.out.TicketStore> does not have simple name ending with 'Port'"
                            + " in (TicketStore.java:0)")),
            entry("drivenPortNamesAreReserved", List.of(
                    "Class <{base}.application.service.ClockPort> does not reside in a package"
                            + " '{base}.application.port.out..' in (ClockPort.java:0)")),
            entry("noPackageCycles", List.of(String.join("\n",
                    "Cycle detected: package 'domain.session' -> ",
                    "                package 'domain.token' -> ",
                    "                package 'domain.session'",
                    "  1. Dependencies of package 'domain.session'",
                    "    - Method <{base}.domain.session.Session.use({base}.domain.token.Token)> has parameter of"
                            + " type <{base}.domain.token.Token> in (Session.java:0)",
                    "  2. Dependencies of package 'domain.token'",
                    "    - Method <{base}.domain.token.Token.belongTo({base}.domain.session.Session)> has parameter"
                            + " of type <{base}.domain.session.Session> in (Token.java:0)"))),
            entry("noStandardStreamsOutsideEntryPoints", List.of(
                    "Method <{base}.sandbox.SandboxServer.handle(java.lang.String)> gets field"
                            + " <java.lang.System.err> in (SandboxServer.java:7)")),
            entry("noSystemExitOutsideEntryPoints", List.of(
                    "Method <{base}.bootstrap.Facade.close()> calls method <java.lang.System.exit(int)>"
                            + " in (Facade.java:7)")),
            entry("noFieldInjection", List.of(
                    "Field <{base}.bootstrap.Settings.clock> is annotated with @Inject in (Settings.java:0)")),
            entry("noJavaUtilLogging", List.of(
                    "Method <{base}.adapter.http.HttpClient.log(java.util.logging.Logger)> has parameter of type"
                            + " <java.util.logging.Logger> in (HttpClient.java:0)")),
            entry("portsUseOnlyDomainAndJdkTypes", List.of(
                    "Method <{base}.application.port.out.TicketStorePort.load(java.lang.String)> has"
                            + " <{base}.application.service.StoredTicket> in its signature in (TicketStorePort.java:0)")),
            entry("timeComesFromAClock", List.of(
                    "Method <{base}.application.service.Renewal.planted()> calls method <java.time.Instant.now()>"
                            + " in (Renewal.java:20)")));

    static Stream<String> ruleNames() {
        return OURS.rules().keySet().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ruleNames")
    void eachRuleFindsExactlyTheViolationPlantedForIt(String rule) {
        String fixture = violationFixture(FIXTURES, rule);
        assertThat(violations(OURS, rule, fixture)).as("violations of %s in %s", rule, fixture)
                .containsExactlyInAnyOrderElementsOf(expected(PLANTED.get(rule), fixture));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ruleNames")
    void eachFailureNamesItsDescriptionLinesAndTheFix(String rule) {
        String report = evaluate(OURS, rule, violationFixture(FIXTURES, rule)).getFailureReport().toString();
        assertThat(report).startsWith("Architecture Violation").contains("Rule '" + rule + ": ")
                .contains("[from the description: ").contains("]; to fix: ");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ruleNames")
    void theCompliantFixtureFollowsEveryRule(String rule) {
        assertThat(violations(OURS, rule, COMPLIANT)).as("violations of %s in %s", rule, COMPLIANT).isEmpty();
    }

    @Test
    void everyRuleHasExactlyOnePlantedViolation() {
        assertThat(PLANTED.keySet()).containsExactlyInAnyOrderElementsOf(OURS.rules().keySet());
        assertThat(PLANTED.values()).allSatisfy(details -> assertThat(details).hasSize(1));
    }

    /** Every rule of the hand-written set this description replaced is still there (renamed), and one more. */
    @Test
    void theDescriptionYieldsEveryRuleOfTheHandWrittenSet() {
        assertThat(OURS.rules().keySet()).containsExactly("layers", "everyClassBelongsToAPart",
                "domainIsFreeOfFrameworks", "applicationIsFreeOfFrameworks",
                "domainAndApplicationCarryNoFrameworkAnnotations", "adaptersDoNotDependOnEachOther",
                "nothingDependsOnConfiguration", "feignIsConfined", "jacksonIsConfined", "bouncyCastleIsConfined",
                "lettuceIsConfined", "micrometerIsConfined", "guiceIsConfined", "picocliIsConfined",
                "noJavaUtilLogging", "drivingPortsFollowTheirNaming", "drivingPortNamesAreReserved", "drivenPortsFollowTheirNaming",
                "drivenPortNamesAreReserved", "portsUseOnlyDomainAndJdkTypes", "noPackageCycles",
                "noStandardStreamsOutsideEntryPoints", "noSystemExitOutsideEntryPoints", "noFieldInjection",
                "timeComesFromAClock");
    }

    @Test
    void aConfinedLibrarysFailureQuotesItsLineAndHowToFixIt() {
        String report = evaluate(OURS, "feignIsConfined", violationFixture(FIXTURES, "feignIsConfined"))
                .getFailureReport().toString();
        assertThat(report)
                .contains(".confine(\"Feign\", \"feign..\").to(\"adapter.http\", \"bootstrap\")")
                .contains(".allow(\"benchmarks\").usedByNothing().toUseEverything()")
                .contains("move the code that needs Feign into adapter.http or bootstrap");
    }

    @Test
    void theFixturesLieOutsideTheBasePackage() {
        assertThat(FIXTURES).doesNotStartWith(SmartApiAuthRules.BASE_PACKAGE);
        JavaClasses production = new ClassFileImporter().importPackages(SmartApiAuthRules.BASE_PACKAGE);
        assertThat(production.stream().map(JavaClass::getName)).noneMatch(name -> name.startsWith(FIXTURES));
    }

    /** Every allowance is exercised by the compliant fixture, so "no violation" there means something. */
    @Test
    void theCompliantFixtureHasEveryModule() {
        JavaClasses compliant = new ClassFileImporter().importPackages(COMPLIANT);
        assertThat(compliant.stream().map(JavaClass::getPackageName).map(name -> name.substring(COMPLIANT.length() + 1)))
                .contains("domain.ticket", "application.port.in", "application.port.out", "application.service",
                        "adapter.http", "adapter.storage", "adapter.redis", "adapter.totp", "sandbox", "bootstrap",
                        "bootstrap.cli", "benchmarks");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "io.github.", ".io", "io..github", "io.github.smartapiauth..", "1io"})
    void aBasePackageMustBeAPackageName(String notAPackage) {
        assertThatThrownBy(() -> SmartApiAuthRules.forBasePackage(notAPackage))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a package name");
    }

    @Test
    void theDefaultBasePackageIsSmartApiAuths() {
        assertThat(SmartApiAuthRules.smartApiAuth().basePackage()).isEqualTo("io.github.smartapiauth");
        assertThat(SmartApiAuthRules.forBasePackage("com.acme.auth").basePackage()).isEqualTo("com.acme.auth");
        assertThat(SmartApiAuthRules.forBasePackage("com.acme.auth").withBasePackage("io.github.smartapiauth"))
                .isEqualTo(SmartApiAuthRules.smartApiAuth());
    }
}
