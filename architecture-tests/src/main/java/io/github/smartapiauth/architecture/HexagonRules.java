package io.github.smartapiauth.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.conditions.ArchConditions;
import com.tngtech.archunit.lang.syntax.elements.ClassesShouldConjunction;
import com.tngtech.archunit.lang.syntax.elements.FieldsShouldConjunction;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The rules that follow from a {@link Hexagon}, each named, each saying in its failure message which
 * description lines it comes from and how to fix the code or the description:
 *
 * <ul>
 *   <li>{@code layers}: each part uses only what the description lets it (domain ← application ← adapters ←
 *       configuration; standalone packages apart; allowed packages what their line says);
 *   <li>{@code everyClassBelongsToAPart}: no class under the base package escapes the description;
 *   <li>{@code domainIsFreeOfFrameworks}, {@code applicationIsFreeOfFrameworks},
 *       {@code domainAndApplicationCarryNoFrameworkAnnotations}: the JDK and the allow-list only;
 *   <li>{@code adaptersDoNotDependOnEachOther}, {@code nothingDependsOnConfiguration};
 *   <li>{@code <library>IsConfined} per confined library, {@code no<Library>} per forbidden one;
 *   <li>{@code drivingPortsFollowTheirNaming}, {@code drivingPortNamesAreReserved} and the same for driven ports;
 *   <li>{@code portsUseOnlyDomainAndJdkTypes} in their signatures;
 *   <li>{@code adapterInternalsAreNotPublic} (only with {@code .hideAdapterInternals()});
 *   <li>{@code noPackageCycles}, {@code noStandardStreamsOutsideEntryPoints},
 *       {@code noSystemExitOutsideEntryPoints}, {@code noFieldInjection}, {@code timeComesFromAClock}.
 * </ul>
 */
final class HexagonRules {

    /** Annotations that inject a field; none may mark one. */
    static final List<String> INJECT_ANNOTATIONS = List.of("com.google.inject.Inject", "jakarta.inject.Inject",
            "javax.inject.Inject", "org.springframework.beans.factory.annotation.Autowired",
            "jakarta.annotation.Resource", "javax.annotation.Resource");

    private final Hexagon hexagon;
    private final Layout layout;
    private final String base;

    HexagonRules(Hexagon hexagon, Layout layout) {
        this.hexagon = hexagon;
        this.layout = layout;
        this.base = hexagon.basePackage();
    }

    Map<String, ArchRule> all() {
        Map<String, ArchRule> rules = new LinkedHashMap<>();
        rules.put("layers", layers());
        rules.put("everyClassBelongsToAPart", everyClassBelongsToAPart());
        rules.put("domainIsFreeOfFrameworks", domainIsFreeOfFrameworks());
        rules.put("applicationIsFreeOfFrameworks", applicationIsFreeOfFrameworks());
        rules.put("domainAndApplicationCarryNoFrameworkAnnotations", domainAndApplicationCarryNoFrameworkAnnotations());
        rules.put("adaptersDoNotDependOnEachOther", adaptersDoNotDependOnEachOther());
        rules.put("nothingDependsOnConfiguration", nothingDependsOnConfiguration());
        for (Hexagon.Confined confined : hexagon.confined()) {
            rules.put(confinedRuleName(confined.library()), confined(confined));
        }
        for (Hexagon.Forbidden forbidden : hexagon.forbidden()) {
            rules.put(forbiddenRuleName(forbidden.library()), forbidden(forbidden));
        }
        rules.put("drivingPortsFollowTheirNaming", portsFollowTheirNaming("driving", hexagon.drivingPorts(),
                hexagon.drivingPortNames()));
        rules.put("drivingPortNamesAreReserved", portNamesAreReserved("driving", hexagon.drivingPorts(),
                hexagon.drivingPortNames()));
        rules.put("drivenPortsFollowTheirNaming", portsFollowTheirNaming("driven", hexagon.drivenPorts(),
                hexagon.drivenPortNames()));
        rules.put("drivenPortNamesAreReserved", portNamesAreReserved("driven", hexagon.drivenPorts(),
                hexagon.drivenPortNames()));
        rules.put("portsUseOnlyDomainAndJdkTypes", portsUseOnlyDomainAndJdkTypes());
        if (hexagon.hideAdapterInternalsLine().value()) {
            rules.put("adapterInternalsAreNotPublic", adapterInternalsAreNotPublic());
        }
        rules.put("noPackageCycles", noPackageCycles());
        rules.put("noStandardStreamsOutsideEntryPoints", noStandardStreamsOutsideEntryPoints());
        rules.put("noSystemExitOutsideEntryPoints", noSystemExitOutsideEntryPoints());
        rules.put("noFieldInjection", noFieldInjection());
        rules.put("timeComesFromAClock", timeComesFromAClock());
        return Collections.unmodifiableMap(rules);
    }

    static String confinedRuleName(Hexagon.Library library) {
        String camel = upperCamel(library.name());
        return Character.toLowerCase(camel.charAt(0)) + camel.substring(1) + "IsConfined";
    }

    static String forbiddenRuleName(Hexagon.Library library) {
        return "no" + upperCamel(library.name());
    }

    private static String upperCamel(String name) {
        return Stream.of(name.split("[^\\p{Alnum}]+")).filter(word -> !word.isEmpty())
                .map(word -> Character.toUpperCase(word.charAt(0)) + word.substring(1))
                .collect(Collectors.joining());
    }

    // ---------------------------------------------------------------------------------------------------
    // Parts and who uses whom

    private ArchRule layers() {
        List<String> lines = new ArrayList<>(List.of(hexagon.domain().text(), hexagon.application().text(),
                hexagon.drivingPorts().text(), hexagon.drivenPorts().text(), hexagon.adapters().text(),
                hexagon.configuration().text()));
        hexagon.standalones().forEach(standalone -> lines.add(standalone.line()));
        hexagon.allowed().forEach(allowed -> lines.add(allowed.line()));
        return named("layers",
                classes().that().resideInAPackage(everything()).should(HexagonConditions.useOnlyWhatTheDescriptionAllows(layout)),
                "each part uses only what the description lets it: the domain nothing, the application the domain,"
                        + " adapters the application and the domain, configuration all of these; standalone packages"
                        + " are used only by whom their line names, allowed packages use only what their line names",
                lines,
                "move the dependency behind a port (a driven port the application owns, an adapter that implements it),"
                        + " or, if the description is what is wrong, widen the line of the part that should allow it"
                        + " (.allow(\"pkg\").toUse(...), .standalone(\"pkg\").usedBy(...))");
    }

    private ArchRule everyClassBelongsToAPart() {
        List<String> packages = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        hexagon.domain().value().forEach(pkg -> packages.add(pkg(pkg)));
        lines.add(hexagon.domain().text());
        packages.add(pkg(hexagon.application().value()));
        lines.add(hexagon.application().text());
        Hexagon.Adapters adapters = hexagon.adapters().value();
        if (adapters.root() != null) {
            packages.add(base + "." + adapters.root() + ".*..");
        } else {
            adapters.listed().forEach(pkg -> packages.add(pkg(pkg)));
        }
        lines.add(hexagon.adapters().text());
        for (Hexagon.Standalone standalone : hexagon.standalones()) {
            packages.add(pkg(standalone.pkg()));
            lines.add(standalone.line());
        }
        hexagon.configuration().value().forEach(pkg -> packages.add(pkg(pkg)));
        lines.add(hexagon.configuration().text());
        for (Hexagon.Allowed allowed : hexagon.allowed()) {
            packages.add(pkg(allowed.pkg()));
            lines.add(allowed.line());
        }
        return named("everyClassBelongsToAPart",
                classes().that().resideInAPackage(everything()).should().resideInAnyPackage(packages.toArray(String[]::new)),
                "every class under '" + base + "' lives in a part of the description (a class directly in the"
                        + " adapters' root belongs to no adapter), so no rule misses a class",
                lines,
                "move the class into the part it belongs to, or describe its package: .allow(\"pkg\").toUse(...)"
                        + " for code that uses the hexagon, .standalone(\"pkg\") for code that stands apart");
    }

    private ArchRule domainIsFreeOfFrameworks() {
        List<String> allowed = new ArrayList<>(List.of("java.."));
        hexagon.domain().value().forEach(pkg -> allowed.add(pkg(pkg)));
        allowed.addAll(hexagon.coreMayUse().value());
        return named("domainIsFreeOfFrameworks",
                classes().that().resideInAnyPackage(domainPackages())
                        .should().onlyDependOnClassesThat().resideInAnyPackage(allowed.toArray(String[]::new)),
                "the domain depends on the JDK" + allowList() + " and itself only",
                List.of(hexagon.domain().text(), hexagon.coreMayUse().text()),
                "keep the library out of the domain (an adapter can do that work behind a driven port), or, if the"
                        + " library belongs in the domain, add its packages to .allowInDomainAndApplication(...)");
    }

    private ArchRule applicationIsFreeOfFrameworks() {
        List<String> allowed = new ArrayList<>(List.of("java.."));
        hexagon.domain().value().forEach(pkg -> allowed.add(pkg(pkg)));
        allowed.add(pkg(hexagon.application().value()));
        allowed.addAll(hexagon.coreMayUse().value());
        return named("applicationIsFreeOfFrameworks",
                classes().that().resideInAPackage(pkg(hexagon.application().value()))
                        .should().onlyDependOnClassesThat().resideInAnyPackage(allowed.toArray(String[]::new)),
                "the application depends on the domain, the JDK" + allowList() + " and itself only",
                List.of(hexagon.application().text(), hexagon.domain().text(), hexagon.coreMayUse().text()),
                "put what needs the library in an adapter behind a driven port, or, if the library belongs in the"
                        + " application, add its packages to .allowInDomainAndApplication(...)");
    }

    private ArchRule domainAndApplicationCarryNoFrameworkAnnotations() {
        List<String> packages = new ArrayList<>(List.of(domainPackages()));
        packages.add(pkg(hexagon.application().value()));
        return named("domainAndApplicationCarryNoFrameworkAnnotations",
                classes().that().resideInAnyPackage(packages.toArray(String[]::new))
                        .should(HexagonConditions.carryOnlyAnnotationsFrom(hexagon.coreMayUse().value())),
                "domain and application carry no annotation but the JDK's" + allowList() + ", on classes,"
                        + " members or parameters (no @Inject: configuration builds them)",
                List.of(hexagon.domain().text(), hexagon.application().text(), hexagon.coreMayUse().text()),
                "remove the annotation and build the object in configuration (a @Provides or factory method), or add"
                        + " the annotation's library to .allowInDomainAndApplication(...)");
    }

    private ArchRule adaptersDoNotDependOnEachOther() {
        Hexagon.Adapters adapters = hexagon.adapters().value();
        ArchRule rule;
        if (adapters.root() != null) {
            rule = slices().matching(base + "." + adapters.root() + ".(*)..").namingSlices("adapter '$1'")
                    .should().notDependOnEachOther();
        } else {
            rule = slices().assignedFrom(new SliceAssignment() {
                @Override
                public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                    for (String pkg : adapters.listed()) {
                        String absolute = base + "." + pkg;
                        if (javaClass.getPackageName().equals(absolute)
                                || javaClass.getPackageName().startsWith(absolute + ".")) {
                            return SliceIdentifier.of(pkg);
                        }
                    }
                    return SliceIdentifier.ignore();
                }

                @Override
                public String getDescription() {
                    return "the adapters " + adapters.listed();
                }
            }).namingSlices("adapter '$1'").should().notDependOnEachOther();
        }
        // Allowed to find nothing: with fewer than two adapters there is nothing to compare.
        return named("adaptersDoNotDependOnEachOther", rule.allowEmptyShould(true),
                "no adapter depends on another; adapters are independent plug-ins of the application's ports",
                List.of(hexagon.adapters().text()),
                "let both adapters depend on a port of the application instead of each other, or, if they are"
                        + " one adapter, move them into one package");
    }

    private ArchRule nothingDependsOnConfiguration() {
        List<String> exempt = new ArrayList<>();
        hexagon.configuration().value().forEach(pkg -> exempt.add(pkg(pkg)));
        List<String> lines = new ArrayList<>(List.of(hexagon.configuration().text()));
        for (Hexagon.Allowed allowed : hexagon.allowed()) {
            if (allowed.usesEverything() || allowed.uses().contains(Part.CONFIGURATION)) {
                exempt.add(pkg(allowed.pkg()));
                lines.add(allowed.line());
            }
        }
        return named("nothingDependsOnConfiguration",
                noClasses().that().resideInAPackage(everything()).and().resideOutsideOfPackages(exempt.toArray(String[]::new))
                        .should().dependOnClassesThat().resideInAnyPackage(configurationPackages()),
                "nothing depends on configuration: it is the outermost ring that wires everything",
                lines,
                "hand the value in from configuration (a constructor parameter of a domain or port type) instead"
                        + " of reaching for configuration's class");
    }

    private ArchRule confined(Hexagon.Confined confined) {
        List<String> places = new ArrayList<>();
        confined.places().forEach(place -> places.add(pkg(place)));
        List<String> lines = new ArrayList<>(List.of(confined.line()));
        for (Hexagon.Allowed allowed : hexagon.allowed()) {
            if (allowed.usesEverything()) {
                places.add(pkg(allowed.pkg()));
                lines.add(allowed.line());
            }
        }
        String library = confined.library().name() + " (" + String.join(", ", confined.library().packages()) + ")";
        return named(confinedRuleName(confined.library()),
                noClasses().that().resideInAPackage(everything()).and().resideOutsideOfPackages(places.toArray(String[]::new))
                        .should().dependOnClassesThat().resideInAnyPackage(confined.library().packages().toArray(String[]::new)),
                library + " is used only in " + String.join(", ", confined.places()),
                lines,
                "move the code that needs " + confined.library().name() + " into " + String.join(" or ", confined.places())
                        + " (behind a port, with types of its own at the border), or add the place to the line's"
                        + " .to(...)");
    }

    private ArchRule forbidden(Hexagon.Forbidden forbidden) {
        String library = forbidden.library().name() + " (" + String.join(", ", forbidden.library().packages()) + ")";
        return named(forbiddenRuleName(forbidden.library()),
                noClasses().that().resideInAPackage(everything())
                        .should().dependOnClassesThat().resideInAnyPackage(forbidden.library().packages().toArray(String[]::new)),
                "nothing uses " + library,
                List.of(forbidden.line()),
                "use what the project uses instead of " + forbidden.library().name()
                        + ", or drop the .forbid(...) line if it is welcome after all");
    }

    // ---------------------------------------------------------------------------------------------------
    // Ports

    private ArchRule portsFollowTheirNaming(String side, Hexagon.Line<String> ports, Hexagon.Line<String> names) {
        String pattern = names.value();
        var interfaces = classes().that().resideInAPackage(pkg(ports.value())).and().areInterfaces().and().areTopLevelClasses();
        ArchRule rule;
        boolean oneStar = pattern.indexOf('*') == pattern.lastIndexOf('*');
        if (oneStar && pattern.startsWith("*") && pattern.length() > 1) {
            rule = interfaces.should().haveSimpleNameEndingWith(pattern.substring(1));
        } else if (oneStar && pattern.endsWith("*") && pattern.length() > 1) {
            rule = interfaces.should().haveSimpleNameStartingWith(pattern.substring(0, pattern.length() - 1));
        } else {
            rule = interfaces.should(ArchConditions.have(
                    HexagonConditions.simpleNameMatching(pattern)));
        }
        return named(side + "PortsFollowTheirNaming", rule,
                "top-level interfaces in '" + ports.value() + "' are " + side + " ports named " + pattern
                        + " (types nested in a port are the port's own business; records and classes there are its"
                        + " commands and results)",
                List.of(ports.text(), names.text()),
                "rename the interface to match " + pattern + ", or move it out of the " + side + " port package if it"
                        + " is not a port, or change the line's pattern");
    }

    private ArchRule portNamesAreReserved(String side, Hexagon.Line<String> ports, Hexagon.Line<String> names) {
        String pattern = names.value();
        DescribedPredicate<JavaClass> named = HexagonConditions.simpleNameMatching(pattern);
        ClassesShouldConjunction rule = classes().that().resideInAPackage(everything()).and(named)
                .should().resideInAPackage(pkg(ports.value())).andShould().beInterfaces();
        return named(side + "PortNamesAreReserved", rule,
                "types named " + pattern + " are " + side + " ports: interfaces in '" + ports.value() + "'",
                List.of(ports.text(), names.text()),
                "name the type for what it is (an implementation is named after how it works), or, if it is a "
                        + side + " port, make it an interface in '" + ports.value() + "'");
    }

    private ArchRule portsUseOnlyDomainAndJdkTypes() {
        return named("portsUseOnlyDomainAndJdkTypes",
                classes().that().resideInAnyPackage(pkg(hexagon.drivingPorts().value()), pkg(hexagon.drivenPorts().value()))
                        .should(HexagonConditions.haveOnlyDomainAndJdkTypesInSignatures(layout)),
                "the ports' public signatures (parameters, results, exceptions, type arguments; commands and results"
                        + " included) use only JDK types, domain types and port types",
                List.of(hexagon.drivingPorts().text(), hexagon.drivenPorts().text(), hexagon.domain().text()),
                "give the port a domain type (or a command or result record beside it) instead of the service's,"
                        + " adapter's or library's type");
    }

    private ArchRule adapterInternalsAreNotPublic() {
        Hexagon.Adapters adapters = hexagon.adapters().value();
        List<String> packages = new ArrayList<>();
        if (adapters.root() != null) {
            packages.add(base + "." + adapters.root() + "..");
        } else {
            adapters.listed().forEach(pkg -> packages.add(pkg(pkg)));
        }
        return named("adapterInternalsAreNotPublic",
                classes().that().resideInAnyPackage(packages.toArray(String[]::new))
                        .should(HexagonConditions.beUsedByConfigurationWhenPublic(layout)).allowEmptyShould(true),
                "an adapter's classes are package-private unless configuration uses them (wires them); the rest is"
                        + " reached through ports",
                List.of(hexagon.hideAdapterInternalsLine().text(), hexagon.adapters().text(), hexagon.configuration().text()),
                "make the class package-private (or nested and private), or wire it in configuration if it is what the"
                        + " adapter offers");
    }

    // ---------------------------------------------------------------------------------------------------
    // Code hygiene

    private ArchRule noPackageCycles() {
        return named("noPackageCycles",
                slices().matching(base + ".(**)").namingSlices("package '$1'").should().beFreeOfCycles(),
                "no cycles between packages (every package under '" + base + "' is one slice)",
                List.of("Hexagon.basePackage(" + Hexagon.quote(base) + ")"),
                "break the cycle: move the type both packages need into one of them or a third, or invert one"
                        + " dependency through an interface");
    }

    private ArchRule noStandardStreamsOutsideEntryPoints() {
        List<String> exemptPackages = new ArrayList<>();
        hexagon.entryPoints().value().forEach(pkg -> exemptPackages.add(pkg(pkg)));
        hexagon.mayPrint().value().forEach(pkg -> exemptPackages.add(pkg(pkg)));
        DescribedPredicate<JavaClass> exempt = inAny(exemptPackages).or(mainClassesInTheirPackages());
        return named("noStandardStreamsOutsideEntryPoints",
                noClasses().that(inBase().and(not(exempt)))
                        .should().accessField(System.class, "out")
                        .orShould().accessField(System.class, "err")
                        .orShould().accessField(System.class, "in")
                        .orShould().callMethodWhere(HexagonConditions.PRINT_STACK_TRACE),
                "no System.in/out/err and no printStackTrace() outside the entry points: a library does not write"
                        + " to its host's console",
                List.of(hexagon.entryPoints().text(), hexagon.mainClassesIn().text(), hexagon.mayPrint().text()),
                "report through a logger, an events port or an exception, or, if this is an entry point (a CLI, a"
                        + " launcher), name its package in .entryPoints(...) or .mayPrint(...)");
    }

    private ArchRule noSystemExitOutsideEntryPoints() {
        List<String> exemptPackages = new ArrayList<>();
        hexagon.entryPoints().value().forEach(pkg -> exemptPackages.add(pkg(pkg)));
        DescribedPredicate<JavaClass> exempt = inAny(exemptPackages).or(mainClassesInTheirPackages());
        return named("noSystemExitOutsideEntryPoints",
                noClasses().that(inBase().and(not(exempt)))
                        .should().callMethod(System.class, "exit", int.class)
                        .orShould().callMethod(Runtime.class, "exit", int.class)
                        .orShould().callMethod(Runtime.class, "halt", int.class),
                "no System.exit, Runtime.exit or Runtime.halt outside the entry points: a library never ends its"
                        + " host's JVM",
                List.of(hexagon.entryPoints().text(), hexagon.mainClassesIn().text()),
                "throw or return a result and let the entry point decide the exit code, or, if this is an entry"
                        + " point, name its package in .entryPoints(...)");
    }

    private ArchRule noFieldInjection() {
        FieldsShouldConjunction rule = noFields().that().areDeclaredInClassesThat().resideInAPackage(everything())
                .should().beAnnotatedWith(INJECT_ANNOTATIONS.get(0));
        for (String annotation : INJECT_ANNOTATIONS.subList(1, INJECT_ANNOTATIONS.size())) {
            rule = rule.orShould().beAnnotatedWith(annotation);
        }
        return named("noFieldInjection", rule,
                "no field is injected (@Inject, @Autowired, @Resource): dependencies arrive through constructors,"
                        + " so objects are complete when built",
                List.of("Hexagon.basePackage(" + Hexagon.quote(base) + ")"),
                "take the dependency as a constructor parameter (and the field final)");
    }

    private ArchRule timeComesFromAClock() {
        List<String> exempt = new ArrayList<>();
        hexagon.mayReadTheSystemClock().value().forEach(pkg -> exempt.add(pkg(pkg)));
        return named("timeComesFromAClock",
                noClasses().that(inBase().and(not(inAny(exempt))))
                        .and().areNotAssignableTo(Clock.class)
                        .should().callCodeUnitWhere(HexagonConditions.READ_THE_SYSTEM_CLOCK),
                "time comes from an injected java.time.Clock: no now() without a Clock, no"
                        + " System.currentTimeMillis(), no new Date() (a Clock subclass may; System.nanoTime()"
                        + " measures durations and is fine)",
                List.of(hexagon.mayReadTheSystemClock().text()),
                "take a Clock in the constructor and call Instant.now(clock) or clock.instant(), or, for tools that"
                        + " measure, name the package in .mayReadTheSystemClock(...)");
    }

    // ---------------------------------------------------------------------------------------------------
    // helpers

    private static ArchRule named(String name, ArchRule rule, String says, List<String> lines, String fix) {
        return rule.as(name + ": " + says + " [from the description: " + String.join(" ", lines) + "]; to fix: " + fix);
    }

    private String allowList() {
        List<String> allowed = hexagon.coreMayUse().value();
        return allowed.isEmpty() ? "" : ", " + String.join(", ", allowed);
    }

    private String everything() {
        return base + "..";
    }

    private String pkg(String relative) {
        return base + "." + relative + "..";
    }

    private String[] domainPackages() {
        return hexagon.domain().value().stream().map(this::pkg).toArray(String[]::new);
    }

    private String[] configurationPackages() {
        return hexagon.configuration().value().stream().map(this::pkg).toArray(String[]::new);
    }

    private DescribedPredicate<JavaClass> inBase() {
        return JavaClass.Predicates.resideInAPackage(everything());
    }

    private static DescribedPredicate<JavaClass> inAny(List<String> packages) {
        if (packages.isEmpty()) {
            return DescribedPredicate.<JavaClass>alwaysFalse();
        }
        return JavaClass.Predicates.resideInAnyPackage(packages.toArray(String[]::new));
    }

    private DescribedPredicate<JavaClass> mainClassesInTheirPackages() {
        List<String> packages = hexagon.mainClassesIn().value().stream().map(this::pkg).collect(Collectors.toList());
        return inAny(packages).and(HexagonConditions.DECLARE_A_MAIN_METHOD);
    }
}
