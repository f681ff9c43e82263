package io.github.smartapiauth.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A hexagon (ports and adapters) described in a few lines, from which {@link #rules() the architecture rules}
 * follow. Every package is named relative to the base package; every line has a default, so the common case
 * is short:
 *
 * <pre>{@code
 * Hexagon.basePackage("com.example.trading")
 *         .domain("core")
 *         .application("usecase")
 *         .adaptersIn("infrastructure")
 *         .configuration("config")
 *         .confine("Lettuce", "io.lettuce..").to("infrastructure.messaging")
 *         .allow("strategy").toUse(Part.DOMAIN, Part.DRIVING_PORTS);
 * }</pre>
 *
 * <p>Defaults: domain {@code domain}; application {@code application} with driving ports in
 * {@code application.port.in} named {@code *UseCase} and driven ports in {@code application.port.out} named
 * {@code *Port}; every child of {@code adapter} one adapter; configuration {@code config}; no standalone or
 * allowed packages, no confined or forbidden library, no entry point (nothing may print or exit), nothing
 * but the JDK in domain and application, adapter visibility not checked.
 *
 * <p>A description is immutable: every line returns a new one, so a shared constant cannot be changed by its
 * users. A line written twice replaces the earlier one, except {@code standalone}, {@code allow},
 * {@code confine} and {@code forbid}, which add one package or library each. Lines are checked as they are written (package
 * names, patterns); how they fit together (overlapping packages, a library confined to an unknown place) is
 * checked by {@link #rules()}, with a message naming the lines at fault.
 */
public final class Hexagon {

    private static final Pattern IDENTIFIER = Pattern.compile(
            "[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*");
    private static final Pattern PACKAGE = Pattern.compile(IDENTIFIER.pattern() + "(\\." + IDENTIFIER.pattern() + ")*");
    private static final Pattern NAME_PATTERN = Pattern.compile("[\\p{javaJavaIdentifierPart}*]*\\*[\\p{javaJavaIdentifierPart}*]*");
    private static final Pattern LIBRARY_PACKAGE = Pattern.compile(PACKAGE.pattern() + "(\\.\\.)?");

    /** A setting and the description line it comes from (rendered as code). */
    record Line<T>(T value, String text) {
        static <T> Line<T> byDefault(T value, String text) {
            return new Line<>(value, text + " (default)");
        }
    }

    /** Adapters: either every child of {@code root} is one adapter, or exactly the {@code listed} packages. */
    record Adapters(String root, List<String> listed) {
    }

    /** A third-party library: a name for messages and the packages it lives in (ArchUnit package patterns). */
    record Library(String name, List<String> packages) {
    }

    record Standalone(String pkg, Set<Part> usedBy, String line) {
    }

    record Allowed(String pkg, Set<Part> usedBy, Set<Part> uses, boolean usesEverything, String line) {
    }

    record Confined(Library library, List<String> places, String line) {
    }

    record Forbidden(Library library, String line) {
    }

    /** The mutable copy every line edits before it becomes a new, frozen description. */
    private static final class Draft {
        String base;
        Line<List<String>> domain = Line.byDefault(List.of("domain"), ".domain(\"domain\")");
        Line<String> application = Line.byDefault("application", ".application(\"application\")");
        Line<String> drivingPorts;
        Line<String> drivingPortNames = Line.byDefault("*UseCase", ".drivingPortsNamed(\"*UseCase\")");
        Line<String> drivenPorts;
        Line<String> drivenPortNames = Line.byDefault("*Port", ".drivenPortsNamed(\"*Port\")");
        Line<Adapters> adapters = Line.byDefault(new Adapters("adapter", List.of()), ".adaptersIn(\"adapter\")");
        Line<List<String>> configuration = Line.byDefault(List.of("config"), ".configuration(\"config\")");
        Line<List<String>> coreMayUse = Line.byDefault(List.of(), ".allowInDomainAndApplication()");
        Line<List<String>> entryPoints = Line.byDefault(List.of(), ".entryPoints()");
        Line<List<String>> mainClassesIn = Line.byDefault(List.of(), ".mainClassesAreEntryPointsIn()");
        Line<List<String>> mayPrint = Line.byDefault(List.of(), ".mayPrint()");
        Line<List<String>> mayReadTheSystemClock = Line.byDefault(List.of(), ".mayReadTheSystemClock()");
        Line<Boolean> hideAdapterInternals = new Line<>(false, "(no .hideAdapterInternals() line)");
        List<Standalone> standalones = List.of();
        List<Allowed> allowed = List.of();
        List<Confined> confined = List.of();
        List<Forbidden> forbidden = List.of();
    }

    private final String base;
    private final Line<List<String>> domain;
    private final Line<String> application;
    private final Line<String> drivingPorts;
    private final Line<String> drivingPortNames;
    private final Line<String> drivenPorts;
    private final Line<String> drivenPortNames;
    private final Line<Adapters> adapters;
    private final Line<List<String>> configuration;
    private final Line<List<String>> coreMayUse;
    private final Line<List<String>> entryPoints;
    private final Line<List<String>> mainClassesIn;
    private final Line<List<String>> mayPrint;
    private final Line<List<String>> mayReadTheSystemClock;
    private final Line<Boolean> hideAdapterInternals;
    private final List<Standalone> standalones;
    private final List<Allowed> allowed;
    private final List<Confined> confined;
    private final List<Forbidden> forbidden;
    // The ports as written (null: derived from the application), so that an .application(...) line after them
    // still moves the default ports with it.
    private final Line<String> explicitDrivingPorts;
    private final Line<String> explicitDrivenPorts;

    private Hexagon(Draft draft) {
        this.base = draft.base;
        this.domain = draft.domain;
        this.application = draft.application;
        this.drivingPorts = draft.drivingPorts != null ? draft.drivingPorts
                : Line.byDefault(draft.application.value() + ".port.in",
                        ".drivingPorts(\"" + draft.application.value() + ".port.in\")");
        this.drivingPortNames = draft.drivingPortNames;
        this.drivenPorts = draft.drivenPorts != null ? draft.drivenPorts
                : Line.byDefault(draft.application.value() + ".port.out",
                        ".drivenPorts(\"" + draft.application.value() + ".port.out\")");
        this.drivenPortNames = draft.drivenPortNames;
        this.adapters = draft.adapters;
        this.configuration = draft.configuration;
        this.coreMayUse = draft.coreMayUse;
        this.entryPoints = draft.entryPoints;
        this.mainClassesIn = draft.mainClassesIn;
        this.mayPrint = draft.mayPrint;
        this.mayReadTheSystemClock = draft.mayReadTheSystemClock;
        this.hideAdapterInternals = draft.hideAdapterInternals;
        this.standalones = List.copyOf(draft.standalones);
        this.allowed = List.copyOf(draft.allowed);
        this.confined = List.copyOf(draft.confined);
        this.forbidden = List.copyOf(draft.forbidden);
        this.explicitDrivingPorts = draft.drivingPorts;
        this.explicitDrivenPorts = draft.drivenPorts;
    }

    private Draft draft() {
        Draft draft = new Draft();
        draft.base = base;
        draft.domain = domain;
        draft.application = application;
        draft.drivingPorts = explicitDrivingPorts;
        draft.drivingPortNames = drivingPortNames;
        draft.drivenPorts = explicitDrivenPorts;
        draft.drivenPortNames = drivenPortNames;
        draft.adapters = adapters;
        draft.configuration = configuration;
        draft.coreMayUse = coreMayUse;
        draft.entryPoints = entryPoints;
        draft.mainClassesIn = mainClassesIn;
        draft.mayPrint = mayPrint;
        draft.mayReadTheSystemClock = mayReadTheSystemClock;
        draft.hideAdapterInternals = hideAdapterInternals;
        draft.standalones = standalones;
        draft.allowed = allowed;
        draft.confined = confined;
        draft.forbidden = forbidden;
        return draft;
    }

    private Hexagon edit(Consumer<Draft> change) {
        Draft draft = draft();
        change.accept(draft);
        return new Hexagon(draft);
    }

    // ---------------------------------------------------------------------------------------------------
    // The description

    /** Starts a description of the hexagon under {@code basePackage} (a package name such as {@code com.example.trading}). */
    public static Hexagon basePackage(String basePackage) {
        Draft draft = new Draft();
        draft.base = absolutePackage(basePackage, "Hexagon.basePackage(...)");
        return new Hexagon(draft);
    }

    /** The same description under another base package (for fixtures, forks or a second code base laid out alike). */
    public Hexagon withBasePackage(String basePackage) {
        String checked = absolutePackage(basePackage, "withBasePackage(...)");
        return edit(draft -> draft.base = checked);
    }

    /** The domain package(s), relative to the base package; default {@code domain}. */
    public Hexagon domain(String... packages) {
        List<String> checked = relativePackages(packages, "domain", true);
        return edit(draft -> draft.domain = new Line<>(checked, call("domain", checked)));
    }

    /**
     * The application package; default {@code application}. Unless given by their own lines, the driving
     * ports are in {@code <application>.port.in} and the driven ports in {@code <application>.port.out}.
     */
    public Hexagon application(String pkg) {
        String checked = relativePackage(pkg, "application");
        return edit(draft -> draft.application = new Line<>(checked, call("application", List.of(checked))));
    }

    /** The driving (inbound) port package, inside the application package; default {@code <application>.port.in}. */
    public Hexagon drivingPorts(String pkg) {
        String checked = relativePackage(pkg, "drivingPorts");
        return edit(draft -> draft.drivingPorts = new Line<>(checked, call("drivingPorts", List.of(checked))));
    }

    /**
     * How driving ports are named: a simple-name pattern where {@code *} stands for any letters ({@code *UseCase},
     * {@code I*}, {@code *Order*UseCase});
     * default {@code *UseCase}. Top-level interfaces in the driving port package must match it, and only they may.
     */
    public Hexagon drivingPortsNamed(String pattern) {
        String checked = namePattern(pattern, "drivingPortsNamed");
        return edit(draft -> draft.drivingPortNames = new Line<>(checked, call("drivingPortsNamed", List.of(checked))));
    }

    /** The driven (outbound) port package, inside the application package; default {@code <application>.port.out}. */
    public Hexagon drivenPorts(String pkg) {
        String checked = relativePackage(pkg, "drivenPorts");
        return edit(draft -> draft.drivenPorts = new Line<>(checked, call("drivenPorts", List.of(checked))));
    }

    /** How driven ports are named, like {@link #drivingPortsNamed(String)}; default {@code *Port}. */
    public Hexagon drivenPortsNamed(String pattern) {
        String checked = namePattern(pattern, "drivenPortsNamed");
        return edit(draft -> draft.drivenPortNames = new Line<>(checked, call("drivenPortsNamed", List.of(checked))));
    }

    /** Every child package of {@code root} is one adapter ({@code root.web}, {@code root.persistence}, ...); default {@code adapter}. */
    public Hexagon adaptersIn(String root) {
        String checked = relativePackage(root, "adaptersIn");
        return edit(draft -> draft.adapters = new Line<>(new Adapters(checked, List.of()),
                call("adaptersIn", List.of(checked))));
    }

    /** Exactly these packages are the adapters, one adapter each (instead of {@link #adaptersIn(String)}). */
    public Hexagon adapters(String... packages) {
        List<String> checked = relativePackages(packages, "adapters", true);
        return edit(draft -> draft.adapters = new Line<>(new Adapters(null, checked), call("adapters", checked)));
    }

    /** The configuration (bootstrap, composition root) package(s): they may use every part; nothing uses them. Default {@code config}. */
    public Hexagon configuration(String... packages) {
        List<String> checked = relativePackages(packages, "configuration", true);
        return edit(draft -> draft.configuration = new Line<>(checked, call("configuration", checked)));
    }

    /**
     * Libraries the domain and the application may use besides the JDK, as ArchUnit package patterns
     * ({@code org.jmolecules..}); their annotations are allowed there too. Default: none.
     */
    public Hexagon allowInDomainAndApplication(String... libraryPackages) {
        List<String> checked = libraryPackages(libraryPackages, "allowInDomainAndApplication");
        return edit(draft -> draft.coreMayUse = new Line<>(checked, call("allowInDomainAndApplication", checked)));
    }

    /**
     * Packages whose classes are the program's entry points (a CLI): they may use the standard streams
     * and end the JVM. Default: none.
     */
    public Hexagon entryPoints(String... packages) {
        List<String> checked = relativePackages(packages, "entryPoints", false);
        return edit(draft -> draft.entryPoints = new Line<>(checked, call("entryPoints", checked)));
    }

    /**
     * Packages in which the classes declaring {@code public static void main(String[])} are entry points (a
     * launcher may print where it listens; the rest of the package may not). Default: none.
     */
    public Hexagon mainClassesAreEntryPointsIn(String... packages) {
        List<String> checked = relativePackages(packages, "mainClassesAreEntryPointsIn", false);
        return edit(draft -> draft.mainClassesIn = new Line<>(checked, call("mainClassesAreEntryPointsIn", checked)));
    }

    /** Packages that may use the standard streams (not end the JVM): benchmarks, tools. Default: none. */
    public Hexagon mayPrint(String... packages) {
        List<String> checked = relativePackages(packages, "mayPrint", false);
        return edit(draft -> draft.mayPrint = new Line<>(checked, call("mayPrint", checked)));
    }

    /** Packages that may read the system clock directly ({@code Instant.now()}): benchmarks, tools. Default: none. */
    public Hexagon mayReadTheSystemClock(String... packages) {
        List<String> checked = relativePackages(packages, "mayReadTheSystemClock", false);
        return edit(draft -> draft.mayReadTheSystemClock = new Line<>(checked, call("mayReadTheSystemClock", checked)));
    }

    /**
     * Adds the rule that an adapter's classes are package-private unless configuration uses them (wires them):
     * adapters are reached through ports, and their internals stay theirs.
     */
    public Hexagon hideAdapterInternals() {
        return edit(draft -> draft.hideAdapterInternals = new Line<>(true, ".hideAdapterInternals()"));
    }

    /**
     * A package that stands apart (a simulator, a sandbox): it uses no other part of the hexagon; the next
     * step says who may use it.
     */
    public StandaloneStep standalone(String pkg) {
        return new StandaloneStep(this, relativePackage(pkg, "standalone"));
    }

    /**
     * A package outside the hexagon's parts that is allowed all the same (strategies, benchmarks); the next
     * steps say who may use it (default: configuration) and what it may use.
     */
    public AllowedStep allow(String pkg) {
        return new AllowedStep(this, relativePackage(pkg, "allow"), Set.of(Part.CONFIGURATION),
                ".allow(" + quote(pkg) + ")");
    }

    /**
     * A third-party library ({@code name} for messages, its packages as ArchUnit patterns such as
     * {@code org.apache.kafka..}) that only some places may use; the next step names them.
     */
    public ConfinementStep confine(String name, String... libraryPackages) {
        return new ConfinementStep(this, library(name, libraryPackages, "confine"));
    }

    /** A library nothing may use ({@code forbid("java.util.logging", "java.util.logging..")}). */
    public Hexagon forbid(String name, String... libraryPackages) {
        Library library = library(name, libraryPackages, "forbid");
        String line = ".forbid(" + quote(name) + ", " + quoted(library.packages()) + ")";
        return edit(draft -> draft.forbidden = append(draft.forbidden, new Forbidden(library, line)));
    }

    /** Second step of {@link #standalone(String)}. */
    public static final class StandaloneStep {
        private final Hexagon hexagon;
        private final String pkg;

        private StandaloneStep(Hexagon hexagon, String pkg) {
            this.hexagon = hexagon;
            this.pkg = pkg;
        }

        /** Only these parts may use the standalone package (besides allowed packages that use everything). */
        public Hexagon usedBy(Part... users) {
            Set<Part> checked = parts(users, "usedBy");
            return add(checked, ".standalone(" + quote(pkg) + ").usedBy(" + render(checked) + ")");
        }

        /** Nothing may use the standalone package (besides allowed packages that use everything). */
        public Hexagon usedByNothing() {
            return add(Set.of(), ".standalone(" + quote(pkg) + ").usedByNothing()");
        }

        private Hexagon add(Set<Part> users, String line) {
            return hexagon.edit(draft -> draft.standalones = append(draft.standalones, new Standalone(pkg, users, line)));
        }
    }

    /** Second and third steps of {@link #allow(String)}. */
    public static final class AllowedStep {
        private final Hexagon hexagon;
        private final String pkg;
        private final Set<Part> usedBy;
        private final String line;

        private AllowedStep(Hexagon hexagon, String pkg, Set<Part> usedBy, String line) {
            this.hexagon = hexagon;
            this.pkg = pkg;
            this.usedBy = usedBy;
            this.line = line;
        }

        /** Only these parts may use the allowed package (default: configuration). */
        public AllowedStep usedBy(Part... users) {
            Set<Part> checked = parts(users, "usedBy");
            return new AllowedStep(hexagon, pkg, checked, line + ".usedBy(" + render(checked) + ")");
        }

        /** Nothing may use the allowed package. */
        public AllowedStep usedByNothing() {
            return new AllowedStep(hexagon, pkg, Set.of(), line + ".usedByNothing()");
        }

        /** What the allowed package may use (no argument: none of the hexagon's parts). */
        public Hexagon toUse(Part... parts) {
            Set<Part> checked = parts(parts, "toUse");
            return add(new Allowed(pkg, usedBy, checked, false, line + ".toUse(" + render(checked) + ")"));
        }

        /** The allowed package may use every part and every confined library (benchmarks, tools). */
        public Hexagon toUseEverything() {
            return add(new Allowed(pkg, usedBy, Collections.unmodifiableSet(EnumSet.allOf(Part.class)), true,
                    line + ".toUseEverything()"));
        }

        private Hexagon add(Allowed allowance) {
            return hexagon.edit(draft -> draft.allowed = append(draft.allowed, allowance));
        }
    }

    /** Second step of {@link #confine(String, String...)}. */
    public static final class ConfinementStep {
        private final Hexagon hexagon;
        private final Library library;

        private ConfinementStep(Hexagon hexagon, Library library) {
            this.hexagon = hexagon;
            this.library = library;
        }

        /**
         * The places that may use the library: packages relative to the base package, each inside an adapter,
         * a configuration, standalone or allowed package ({@code "infrastructure.messaging"}, {@code "config"}).
         * Allowed packages that use everything may use it too.
         */
        public Hexagon to(String... places) {
            List<String> checked = relativePackages(places, "to", true);
            String line = ".confine(" + quote(library.name()) + ", " + quoted(library.packages()) + ").to("
                    + quoted(checked) + ")";
            return hexagon.edit(draft -> draft.confined = append(draft.confined, new Confined(library, checked, line)));
        }
    }

    // ---------------------------------------------------------------------------------------------------
    // What follows from it

    public String basePackage() {
        return base;
    }

    /**
     * Every rule that follows from the description, by name, in a stable order: {@code layers},
     * {@code everyClassBelongsToAPart}, {@code domainIsFreeOfFrameworks}, {@code applicationIsFreeOfFrameworks},
     * {@code domainAndApplicationCarryNoFrameworkAnnotations}, {@code adaptersDoNotDependOnEachOther},
     * {@code nothingDependsOnConfiguration}, {@code <library>IsConfined} and {@code no<Library>} per library line,
     * {@code drivingPortsFollowTheirNaming}, {@code drivingPortNamesAreReserved}, the same for driven ports,
     * {@code portsUseOnlyDomainAndJdkTypes}, {@code adapterInternalsAreNotPublic} (with
     * {@link #hideAdapterInternals()}), {@code noPackageCycles}, {@code noStandardStreamsOutsideEntryPoints},
     * {@code noSystemExitOutsideEntryPoints}, {@code noFieldInjection}, {@code timeComesFromAClock}. Each rule's
     * failure message names the description lines it comes from and how to fix the code or the description.
     *
     * @throws IllegalArgumentException when the lines do not fit together (overlapping packages, ports outside
     *     the application, a library confined to a place that is no part of the hexagon)
     */
    public Map<String, ArchRule> rules() {
        return new HexagonRules(this, Layout.of(this)).all();
    }

    /**
     * Checks {@code classes} against every rule at once and fails with one {@link AssertionError} that lists
     * each broken rule's report (for a single test; use {@link #rules()} for one test per rule). A rule that
     * finds nothing to check (the description names a part the code lacks, such as a domain package that does
     * not exist) counts as broken.
     */
    public void check(JavaClasses classes) {
        List<String> reports = new ArrayList<>();
        for (Map.Entry<String, ArchRule> rule : rules().entrySet()) {
            EvaluationResult result;
            try {
                result = rule.getValue().evaluate(classes);
            } catch (AssertionError nothingToCheck) {
                // ArchUnit's "failed to check any classes": the description names a part the code lacks
                reports.add(nothingToCheck.getMessage());
                continue;
            }
            if (result.hasViolation()) {
                reports.add(result.getFailureReport().toString());
            }
        }
        if (!reports.isEmpty()) {
            throw new AssertionError(reports.size() + " architecture rule(s) of " + base + " broken:\n\n"
                    + String.join("\n\n", reports));
        }
    }

    /** The whole description, one line per setting, defaults marked: what the rules' messages quote. */
    @Override
    public String toString() {
        List<String> lines = new ArrayList<>();
        lines.add("Hexagon.basePackage(" + quote(base) + ")");
        lines.add(domain.text());
        lines.add(application.text());
        lines.add(drivingPorts.text());
        lines.add(drivingPortNames.text());
        lines.add(drivenPorts.text());
        lines.add(drivenPortNames.text());
        lines.add(adapters.text());
        lines.add(configuration.text());
        lines.add(coreMayUse.text());
        lines.add(entryPoints.text());
        lines.add(mainClassesIn.text());
        lines.add(mayPrint.text());
        lines.add(mayReadTheSystemClock.text());
        if (hideAdapterInternals.value()) {
            lines.add(hideAdapterInternals.text());
        }
        standalones.forEach(standalone -> lines.add(standalone.line()));
        allowed.forEach(allowance -> lines.add(allowance.line()));
        confined.forEach(confinement -> lines.add(confinement.line()));
        forbidden.forEach(forbid -> lines.add(forbid.line()));
        return String.join("\n        ", lines);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Hexagon && toString().equals(other.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    // package-private views for Layout and HexagonRules

    Line<List<String>> domain() {
        return domain;
    }

    Line<String> application() {
        return application;
    }

    Line<String> drivingPorts() {
        return drivingPorts;
    }

    Line<String> drivingPortNames() {
        return drivingPortNames;
    }

    Line<String> drivenPorts() {
        return drivenPorts;
    }

    Line<String> drivenPortNames() {
        return drivenPortNames;
    }

    Line<Adapters> adapters() {
        return adapters;
    }

    Line<List<String>> configuration() {
        return configuration;
    }

    Line<List<String>> coreMayUse() {
        return coreMayUse;
    }

    Line<List<String>> entryPoints() {
        return entryPoints;
    }

    Line<List<String>> mainClassesIn() {
        return mainClassesIn;
    }

    Line<List<String>> mayPrint() {
        return mayPrint;
    }

    Line<List<String>> mayReadTheSystemClock() {
        return mayReadTheSystemClock;
    }

    Line<Boolean> hideAdapterInternalsLine() {
        return hideAdapterInternals;
    }

    List<Standalone> standalones() {
        return standalones;
    }

    List<Allowed> allowed() {
        return allowed;
    }

    List<Confined> confined() {
        return confined;
    }

    List<Forbidden> forbidden() {
        return forbidden;
    }

    // ---------------------------------------------------------------------------------------------------
    // checks of single lines

    private static String absolutePackage(String pkg, String where) {
        if (pkg == null || !PACKAGE.matcher(pkg).matches()) {
            throw new IllegalArgumentException(where + ": not a package name: " + (pkg == null ? "null" : quote(pkg))
                    + "; write it like com.example.trading");
        }
        return pkg;
    }

    private static String relativePackage(String pkg, String line) {
        if (pkg == null || !PACKAGE.matcher(pkg).matches()) {
            throw new IllegalArgumentException("." + line + "(...): not a package name relative to the base package: "
                    + (pkg == null ? "null" : quote(pkg)) + "; write it like \"infrastructure.messaging\"");
        }
        return pkg;
    }

    private static List<String> relativePackages(String[] packages, String line, boolean atLeastOne) {
        Objects.requireNonNull(packages, "." + line + "(...): the packages are required");
        if (atLeastOne && packages.length == 0) {
            throw new IllegalArgumentException("." + line + "(...) needs at least one package");
        }
        List<String> checked = new ArrayList<>();
        for (String pkg : packages) {
            checked.add(relativePackage(pkg, line));
        }
        return List.copyOf(checked);
    }

    private static List<String> libraryPackages(String[] packages, String line) {
        Objects.requireNonNull(packages, "." + line + "(...): the packages are required");
        for (String pkg : packages) {
            if (pkg == null || !LIBRARY_PACKAGE.matcher(pkg).matches()) {
                throw new IllegalArgumentException("." + line + "(...): not a library package: "
                        + (pkg == null ? "null" : quote(pkg)) + "; write it like \"org.apache.kafka..\"");
            }
        }
        return List.of(packages);
    }

    private static Library library(String name, String[] packages, String line) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("." + line + "(name, packages...): the library needs a name, such as \"Kafka\"");
        }
        List<String> checked = libraryPackages(packages, line);
        if (checked.isEmpty()) {
            throw new IllegalArgumentException("." + line + "(" + quote(name)
                    + ", ...) needs the library's packages, such as \"org.apache.kafka..\"");
        }
        return new Library(name, checked);
    }

    private static String namePattern(String pattern, String line) {
        if (pattern == null || !NAME_PATTERN.matcher(pattern).matches()) {
            throw new IllegalArgumentException("." + line + "(...): not a name pattern: "
                    + (pattern == null ? "null" : quote(pattern)) + "; write the name with '*' for any letters, like \"*UseCase\"");
        }
        return pattern;
    }

    private static Set<Part> parts(Part[] parts, String line) {
        Objects.requireNonNull(parts, "." + line + "(...): the parts are required");
        Set<Part> checked = EnumSet.noneOf(Part.class);
        for (Part part : parts) {
            checked.add(Objects.requireNonNull(part, "." + line + "(...): a part is null"));
        }
        return Collections.unmodifiableSet(checked);
    }

    private static <T> List<T> append(List<T> list, T item) {
        List<T> longer = new ArrayList<>(list);
        longer.add(item);
        return List.copyOf(longer);
    }

    private static String call(String method, List<String> arguments) {
        return "." + method + "(" + quoted(arguments) + ")";
    }

    static String quote(String text) {
        return "\"" + text + "\"";
    }

    static String quoted(List<String> texts) {
        return texts.stream().map(Hexagon::quote).collect(Collectors.joining(", "));
    }

    private static String render(Set<Part> parts) {
        return parts.stream().map(part -> "Part." + part.name()).collect(Collectors.joining(", "));
    }
}
