package io.github.smartapiauth.architecture;

import static io.github.smartapiauth.architecture.RuleFixtures.evaluate;
import static io.github.smartapiauth.architecture.RuleFixtures.expected;
import static io.github.smartapiauth.architecture.RuleFixtures.violationFixture;
import static io.github.smartapiauth.architecture.RuleFixtures.violations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same rules on a platform laid out unlike smartapi-auth (the README's example): the domain in
 * {@code core}, the application in {@code usecase} with driving ports {@code *UseCase} in {@code usecase.api}
 * and driven ports {@code *Gateway} in {@code usecase.spi}, adapters under {@code infrastructure} (Lettuce
 * confined to the messaging one), configuration in {@code config} with a main class that may print and exit,
 * SLF4J allowed in the core, a {@code strategy} package allowed to use the domain and the driving ports, and
 * adapter internals hidden. Fixtures under {@value #FIXTURES}: {@code compliant} passes everything, and
 * {@code violations.<rule in lower case>} each plant exactly one violation next to allowed code.
 */
class SamplePlatformRulesTest {

    /** The platform's description: what the README shows (ReadmeArchitectureExampleTest keeps them equal). */
    static final Hexagon PLATFORM = Hexagon.basePackage("com.example.trading")
            .domain("core")
            .application("usecase")
            .drivingPorts("usecase.api")
            .drivenPorts("usecase.spi")
            .drivenPortsNamed("*Gateway")
            .adaptersIn("infrastructure")
            .configuration("config")
            .mainClassesAreEntryPointsIn("config")
            .allowInDomainAndApplication("org.slf4j..")
            .confine("Lettuce", "io.lettuce..").to("infrastructure.messaging")
            .allow("strategy").toUse(Part.DOMAIN, Part.DRIVING_PORTS)
            .hideAdapterInternals();

    static final String FIXTURES = "fixtures.platform";
    static final String COMPLIANT = FIXTURES + ".compliant";

    private static final Map<String, List<String>> PLANTED = Map.ofEntries(
            entry("layers", List.of(
                    "Method <{base}.strategy.MomentumStrategy.watch({base}.usecase.spi.OrderBookGateway)> has parameter of"
                            + " type <{base}.usecase.spi.OrderBookGateway> in (MomentumStrategy.java:0): allowed package 'strategy' may"
                            + " not use driven ports (allowed package 'strategy' may use only the domain, driving ports besides itself)")),
            entry("everyClassBelongsToAPart", List.of(
                    "Class <{base}.util.Strings> does not reside in any package ['{base}.core..', '{base}.usecase..',"
                            + " '{base}.infrastructure.*..', '{base}.config..', '{base}.strategy..'] in (Strings.java:0)")),
            entry("domainIsFreeOfFrameworks", List.of(
                    "Method <{base}.core.Order.hex([B)> calls method <org.bouncycastle.util.encoders.Hex.toHexString([B)>"
                            + " in (Order.java:17)")),
            entry("applicationIsFreeOfFrameworks", List.of(
                    "Method <{base}.usecase.service.OrderService.publish(io.lettuce.core.RedisURI)> has parameter of type"
                            + " <io.lettuce.core.RedisURI> in (OrderService.java:0)")),
            entry("domainAndApplicationCarryNoFrameworkAnnotations", List.of(
                    "Constructor <{base}.usecase.service.OrderService.<init>({base}.core.RiskLimit)> is annotated with"
                            + " @jakarta.inject.Inject in (OrderService.java:11)")),
            entry("adaptersDoNotDependOnEachOther", List.of(
                    "adapter 'messaging' depends on adapter 'persistence':\n"
                            + "Method <{base}.infrastructure.messaging.RedisMarketEvents.replay({base}.infrastructure.persistence.OrderTable)>"
                            + " has parameter of type <{base}.infrastructure.persistence.OrderTable> in (RedisMarketEvents.java:0)")),
            entry("nothingDependsOnConfiguration", List.of(
                    "Method <{base}.strategy.MomentumStrategy.tune({base}.config.TradingSettings)> has parameter of type"
                            + " <{base}.config.TradingSettings> in (MomentumStrategy.java:0)")),
            entry("lettuceIsConfined", List.of(
                    "Method <{base}.config.Wiring.connect(io.lettuce.core.RedisURI)> has parameter of type"
                            + " <io.lettuce.core.RedisURI> in (Wiring.java:0)")),
            entry("drivingPortsFollowTheirNaming", List.of(
                    "Class <{base}.usecase.api.PlaceOrder> does not have simple name ending with 'UseCase'"
                            + " in (PlaceOrder.java:0)")),
            entry("drivingPortNamesAreReserved", List.of(
                    "Class <{base}.strategy.SignalUseCase> does not reside in a package '{base}.usecase.api..'"
                            + " in (SignalUseCase.java:0)")),
            entry("drivenPortsFollowTheirNaming", List.of(
                    "Class <{base}.usecase.spi.OrderBook> does not have simple name ending with 'Gateway'"
                            + " in (OrderBook.java:0)")),
            entry("drivenPortNamesAreReserved", List.of(
                    "Class <{base}.infrastructure.persistence.RowGateway> does not reside in a package"
                            + " '{base}.usecase.spi..' in (RowGateway.java:0)")),
            entry("portsUseOnlyDomainAndJdkTypes", List.of(
                    "Method <{base}.usecase.spi.MarketEventsGateway.placed({base}.core.Order, org.slf4j.Logger)> has"
                            + " <org.slf4j.Logger> in its signature in (MarketEventsGateway.java:0)")),
            entry("adapterInternalsAreNotPublic", List.of(
                    "Class <{base}.infrastructure.messaging.ChannelNames> is public but configuration does not use it"
                            + " in (ChannelNames.java:0)")),
            entry("noPackageCycles", List.of(String.join("\n",
                    "Cycle detected: package 'core.account' -> ",
                    "                package 'core.order' -> ",
                    "                package 'core.account'",
                    "  1. Dependencies of package 'core.account'",
                    "    - Method <{base}.core.account.Account.settle({base}.core.order.Order)> has parameter of type"
                            + " <{base}.core.order.Order> in (Account.java:0)",
                    "  2. Dependencies of package 'core.order'",
                    "    - Method <{base}.core.order.Order.bookTo({base}.core.account.Account)> has parameter of type"
                            + " <{base}.core.account.Account> in (Order.java:0)"))),
            entry("noStandardStreamsOutsideEntryPoints", List.of(
                    "Method <{base}.config.TradingConfig.start()> gets field <java.lang.System.out>"
                            + " in (TradingConfig.java:7)")),
            entry("noSystemExitOutsideEntryPoints", List.of(
                    "Method <{base}.strategy.MomentumStrategy.stop()> calls method <java.lang.System.exit(int)>"
                            + " in (MomentumStrategy.java:7)")),
            entry("noFieldInjection", List.of(
                    "Field <{base}.infrastructure.persistence.JdbcOrderBook.clock> is annotated with @Inject"
                            + " in (JdbcOrderBook.java:0)")),
            entry("timeComesFromAClock", List.of(
                    "Method <{base}.strategy.MomentumStrategy.marketOpen()> calls method <java.time.LocalTime.now()>"
                            + " in (MomentumStrategy.java:9)")));

    static Stream<String> ruleNames() {
        return PLATFORM.rules().keySet().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ruleNames")
    void eachRuleFindsExactlyTheViolationPlantedForIt(String rule) {
        String fixture = violationFixture(FIXTURES, rule);
        assertThat(violations(PLATFORM, rule, fixture)).as("violations of %s in %s", rule, fixture)
                .containsExactlyInAnyOrderElementsOf(expected(PLANTED.get(rule), fixture));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ruleNames")
    void eachFailureNamesItsDescriptionLinesAndTheFix(String rule) {
        String report = evaluate(PLATFORM, rule, violationFixture(FIXTURES, rule)).getFailureReport().toString();
        assertThat(report).contains("Rule '" + rule + ": ").contains("[from the description: ")
                .contains("]; to fix: ");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ruleNames")
    void theCompliantPlatformFollowsEveryRule(String rule) {
        assertThat(violations(PLATFORM, rule, COMPLIANT)).as("violations of %s in %s", rule, COMPLIANT).isEmpty();
    }

    @Test
    void theCompliantPlatformPassesTheWholeCheckAtOnce() {
        PLATFORM.withBasePackage(COMPLIANT).check(RuleFixtures.classesOf(COMPLIANT));
    }

    @Test
    void everyRuleHasExactlyOnePlantedViolation() {
        assertThat(PLANTED.keySet()).containsExactlyInAnyOrderElementsOf(PLATFORM.rules().keySet());
        assertThat(PLANTED.values()).allSatisfy(details -> assertThat(details).hasSize(1));
    }

    /** Every part and allowance is exercised by the compliant platform, so "no violation" there means something. */
    @Test
    void theCompliantPlatformHasEveryPart() {
        assertThat(new ClassFileImporter().importPackages(COMPLIANT).stream().map(JavaClass::getPackageName)
                .map(name -> name.substring(COMPLIANT.length() + 1)))
                .contains("core", "usecase.api", "usecase.spi", "usecase.service", "infrastructure.messaging",
                        "infrastructure.persistence", "config", "strategy");
    }

    @Test
    void aLayerViolationSaysWhichPartMayUseWhat() {
        String report = evaluate(PLATFORM, "layers", violationFixture(FIXTURES, "layers")).getFailureReport().toString();
        assertThat(report).contains(".allow(\"strategy\").toUse(Part.DOMAIN, Part.DRIVING_PORTS)")
                .contains("allowed package 'strategy' may not use driven ports");
    }
}
