package io.github.smartapiauth.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaParameter;
import com.tngtech.archunit.core.domain.properties.HasAnnotations;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * smartapi-auth's architecture as ArchUnit rules, for smartapi-auth itself and for any code base laid out
 * the same way under another base package (a platform that embeds the library, or a fork).
 *
 * <p>Every rule is written against package patterns relative to the base package, never against a list of
 * today's classes, so a module that appears later is covered the day it appears:
 *
 * <table>
 *   <caption>module → root package (relative to the base package)</caption>
 *   <tr><td>domain</td><td>{@code domain..}</td></tr>
 *   <tr><td>application</td><td>{@code application..} (driving ports in {@code application.port.in},
 *       driven ports in {@code application.port.out})</td></tr>
 *   <tr><td>adapters</td><td>{@code adapter.<name>..}: each first-level package under {@code adapter} is one
 *       adapter ({@code adapter.storage} and {@code adapter.storageredis} are two)</td></tr>
 *   <tr><td>sandbox</td><td>{@code sandbox..}</td></tr>
 *   <tr><td>bootstrap</td><td>{@code bootstrap..}, the CLI in {@code bootstrap.cli..}</td></tr>
 *   <tr><td>benchmarks</td><td>{@code benchmarks..}: it measures everything, so it is exempt from the layer,
 *       bootstrap, library, standard-stream and clock rules (not from the others)</td></tr>
 *   <tr><td>architecture</td><td>{@code architecture..}: these rules; nothing may depend on them</td></tr>
 * </table>
 *
 * <p>Rules fail when they find nothing to check (ArchUnit's default), except where a module may legitimately
 * not exist yet; those say so in their javadoc. Use them one by one ({@code @ArchTest static final ArchRule
 * layers = SmartApiAuthRules.forBasePackage("com.acme.auth").layers();}) or all at once through {@link #all()}.
 */
public final class SmartApiAuthRules {

    /** smartapi-auth's own base package. */
    public static final String BASE_PACKAGE = "io.github.smartapiauth";

    /** Where third-party dependency-injection annotations come from; none of them may mark a field. */
    public static final List<String> INJECT_ANNOTATIONS =
            List.of("com.google.inject.Inject", "jakarta.inject.Inject", "javax.inject.Inject");

    private static final Pattern JAVA_PACKAGE_NAME =
            Pattern.compile("[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*"
                    + "(\\.[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*)*");

    private final String base;

    private SmartApiAuthRules(String basePackage) {
        Objects.requireNonNull(basePackage, "basePackage is required");
        if (!JAVA_PACKAGE_NAME.matcher(basePackage).matches()) {
            throw new IllegalArgumentException("not a package name: '" + basePackage + "'");
        }
        this.base = basePackage;
    }

    /** The rules for code laid out like smartapi-auth under {@code basePackage}. */
    public static SmartApiAuthRules forBasePackage(String basePackage) {
        return new SmartApiAuthRules(basePackage);
    }

    /** The rules for smartapi-auth itself ({@value #BASE_PACKAGE}). */
    public static SmartApiAuthRules smartApiAuth() {
        return forBasePackage(BASE_PACKAGE);
    }

    public String basePackage() {
        return base;
    }

    /** Every rule, by name (the name of the method that builds it), in a stable order. */
    public Map<String, ArchRule> all() {
        Map<String, ArchRule> rules = new LinkedHashMap<>();
        rules.put("layers", layers());
        rules.put("everyClassBelongsToAModule", everyClassBelongsToAModule());
        rules.put("domainDependsOnJdkOnly", domainDependsOnJdkOnly());
        rules.put("applicationDependsOnDomainAndJdkOnly", applicationDependsOnDomainAndJdkOnly());
        rules.put("domainAndApplicationCarryOnlyJdkAnnotations", domainAndApplicationCarryOnlyJdkAnnotations());
        rules.put("adaptersDoNotDependOnEachOther", adaptersDoNotDependOnEachOther());
        rules.put("nothingDependsOnBootstrap", nothingDependsOnBootstrap());
        rules.put("feignStaysInHttpAdapterAndBootstrap", feignStaysInHttpAdapterAndBootstrap());
        rules.put("jacksonStaysInHttpAdapterAndSandbox", jacksonStaysInHttpAdapterAndSandbox());
        rules.put("bouncyCastleStaysInStorageAdapterAndSandbox", bouncyCastleStaysInStorageAdapterAndSandbox());
        rules.put("lettuceStaysInRedisAdapter", lettuceStaysInRedisAdapter());
        rules.put("guiceStaysInBootstrap", guiceStaysInBootstrap());
        rules.put("picocliStaysInBootstrap", picocliStaysInBootstrap());
        rules.put("inboundPortsAreNamedUseCase", inboundPortsAreNamedUseCase());
        rules.put("useCasesAreInboundPorts", useCasesAreInboundPorts());
        rules.put("outboundPortsAreNamedPort", outboundPortsAreNamedPort());
        rules.put("portsAreOutboundPorts", portsAreOutboundPorts());
        rules.put("noPackageCycles", noPackageCycles());
        rules.put("noStandardStreamsOutsideCli", noStandardStreamsOutsideCli());
        rules.put("noSystemExitOutsideCli", noSystemExitOutsideCli());
        rules.put("noFieldInjection", noFieldInjection());
        rules.put("noJavaUtilLogging", noJavaUtilLogging());
        rules.put("timeComesFromAClock", timeComesFromAClock());
        return Collections.unmodifiableMap(rules);
    }

    // ---------------------------------------------------------------------------------------------------
    // Layers and modules

    /**
     * The hexagon: domain ← application ← adapters ← bootstrap; the sandbox stands apart (it uses none of the
     * others, so client and server cannot agree on the same mistake) and only bootstrap and benchmarks may use
     * it; nothing but benchmarks uses bootstrap; nothing uses benchmarks or these rules. Only dependencies
     * between the layers count (the JDK and libraries are other rules' business). Domain and application must
     * exist; the other layers are optional because they join the reactor one by one.
     */
    public ArchRule layers() {
        return layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("Domain").definedBy(pkg("domain"))
                .layer("Application").definedBy(pkg("application"))
                .optionalLayer("Adapters").definedBy(pkg("adapter"))
                .optionalLayer("Sandbox").definedBy(pkg("sandbox"))
                .optionalLayer("Bootstrap").definedBy(pkg("bootstrap"))
                .optionalLayer("Benchmarks").definedBy(pkg("benchmarks"))
                .optionalLayer("Architecture").definedBy(pkg("architecture"))
                .whereLayer("Domain").mayOnlyBeAccessedByLayers("Application", "Adapters", "Bootstrap", "Benchmarks")
                .whereLayer("Application").mayOnlyBeAccessedByLayers("Adapters", "Bootstrap", "Benchmarks")
                .whereLayer("Adapters").mayOnlyBeAccessedByLayers("Bootstrap", "Benchmarks")
                .whereLayer("Sandbox").mayOnlyBeAccessedByLayers("Bootstrap", "Benchmarks")
                .whereLayer("Sandbox").mayNotAccessAnyLayer()
                .whereLayer("Bootstrap").mayOnlyBeAccessedByLayers("Benchmarks")
                .whereLayer("Benchmarks").mayNotBeAccessedByAnyLayer()
                .whereLayer("Architecture").mayNotBeAccessedByAnyLayer()
                .as("layers: domain <- application <- adapters <- bootstrap, the sandbox apart");
    }

    /**
     * Every class under the base package lives in a known module's root package, so no rule can miss a class
     * because it sits somewhere nobody thought of (a new module with a new root package must be added here,
     * with its constraints). A class directly in {@code adapter} (not in an adapter's package) fails too.
     */
    public ArchRule everyClassBelongsToAModule() {
        return classes().that().resideInAPackage(everything())
                .should().resideInAnyPackage(pkg("domain"), pkg("application"), base + ".adapter.*..",
                        pkg("sandbox"), pkg("bootstrap"), pkg("benchmarks"), pkg("architecture"))
                .because("each module has one root package and the rules are written against them");
    }

    /** The domain uses the JDK ({@code java..}) and itself, nothing else. */
    public ArchRule domainDependsOnJdkOnly() {
        return classes().that().resideInAPackage(pkg("domain"))
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", pkg("domain"))
                .because("the domain depends on the JDK only");
    }

    /** The application uses the JDK ({@code java..}), the domain and itself, nothing else. */
    public ArchRule applicationDependsOnDomainAndJdkOnly() {
        return classes().that().resideInAPackage(pkg("application"))
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", pkg("domain"), pkg("application"))
                .because("the application depends on the domain and the JDK only");
    }

    /**
     * Domain and application carry no annotation but the JDK's ({@code @FunctionalInterface},
     * {@code @Deprecated}, ...): not on classes, fields, constructors, methods or parameters. In particular no
     * {@code @Inject}: bootstrap builds them in {@code @Provides} methods. (Source-retention annotations such as
     * {@code @SuppressWarnings} never reach the bytecode and cannot matter.)
     */
    public ArchRule domainAndApplicationCarryOnlyJdkAnnotations() {
        return classes().that().resideInAnyPackage(pkg("domain"), pkg("application"))
                .should(carryOnlyJdkAnnotations())
                .because("domain and application are free of framework annotations; bootstrap wires them");
    }

    /**
     * No adapter depends on another: each first-level package under {@code adapter} is one adapter.
     * Allowed to find nothing: until the first two adapters exist there is nothing to compare.
     */
    public ArchRule adaptersDoNotDependOnEachOther() {
        return slices().matching(base + ".adapter.(*)..").namingSlices("adapter '$1'")
                .should().notDependOnEachOther()
                .because("adapters are independent plug-ins of the application's ports")
                .allowEmptyShould(true);
    }

    /** Only benchmarks may depend on bootstrap; bootstrap is the outermost ring. */
    public ArchRule nothingDependsOnBootstrap() {
        return noClasses().that().resideInAPackage(everything())
                .and().resideOutsideOfPackages(pkg("bootstrap"), pkg("benchmarks"))
                .should().dependOnClassesThat().resideInAPackage(pkg("bootstrap"))
                .because("bootstrap wires everything and nothing depends on it");
    }

    // ---------------------------------------------------------------------------------------------------
    // Third-party libraries stay in their module (benchmarks exempt)

    /**
     * Feign ({@code feign..}) only in {@code adapter.http} and {@code bootstrap}, whose facade hands the
     * request interceptor and the renewing client to platforms' own Feign clients.
     */
    public ArchRule feignStaysInHttpAdapterAndBootstrap() {
        return libraryConfinedTo("Feign", new String[] {"feign.."}, "adapter.http", "bootstrap");
    }

    /** Jackson ({@code com.fasterxml.jackson..}) only in {@code adapter.http} and {@code sandbox}. */
    public ArchRule jacksonStaysInHttpAdapterAndSandbox() {
        return libraryConfinedTo("Jackson", new String[] {"com.fasterxml.jackson.."}, "adapter.http", "sandbox");
    }

    /** Bouncy Castle ({@code org.bouncycastle..}) only in {@code adapter.storage} and {@code sandbox}. */
    public ArchRule bouncyCastleStaysInStorageAdapterAndSandbox() {
        return libraryConfinedTo("Bouncy Castle", new String[] {"org.bouncycastle.."}, "adapter.storage", "sandbox");
    }

    /**
     * Lettuce ({@code io.lettuce..}) and what it is built on and exposes (Netty {@code io.netty..}, Reactor
     * {@code reactor..}, Reactive Streams {@code org.reactivestreams..}) only in {@code adapter.redis}: bootstrap
     * wires the Redis adapter through its own types, never the client's.
     */
    public ArchRule lettuceStaysInRedisAdapter() {
        return libraryConfinedTo("Lettuce",
                new String[] {"io.lettuce..", "io.netty..", "reactor..", "org.reactivestreams.."}, "adapter.redis");
    }

    /**
     * Guice ({@code com.google.inject..}) and the JSR-330 annotations it reads ({@code jakarta.inject..},
     * {@code javax.inject..}) only in {@code bootstrap}.
     */
    public ArchRule guiceStaysInBootstrap() {
        return libraryConfinedTo("Guice",
                new String[] {"com.google.inject..", "jakarta.inject..", "javax.inject.."}, "bootstrap");
    }

    /** picocli ({@code picocli..}) only in {@code bootstrap} (the CLI lives in {@code bootstrap.cli}). */
    public ArchRule picocliStaysInBootstrap() {
        return libraryConfinedTo("picocli", new String[] {"picocli.."}, "bootstrap");
    }

    private ArchRule libraryConfinedTo(String library, String[] libraryPackages, String... modules) {
        String[] allowed = new String[modules.length + 1];
        for (int i = 0; i < modules.length; i++) {
            allowed[i] = pkg(modules[i]);
        }
        allowed[modules.length] = pkg("benchmarks");
        return noClasses().that().resideInAPackage(everything()).and().resideOutsideOfPackages(allowed)
                .should().dependOnClassesThat().resideInAnyPackage(libraryPackages)
                .because(library + " stays in " + String.join(" and ", modules) + " (benchmarks exempt)");
    }

    // ---------------------------------------------------------------------------------------------------
    // Port naming (types nested in a port are the port's own business and are not checked)

    /** Top-level interfaces in {@code application.port.in} are driving ports named {@code *UseCase}; records and classes there are their commands and results. */
    public ArchRule inboundPortsAreNamedUseCase() {
        return classes().that().resideInAPackage(pkg("application.port.in"))
                .and().areInterfaces().and().areTopLevelClasses()
                .should().haveSimpleNameEndingWith("UseCase")
                .because("driving ports are named <Verb><Noun>UseCase");
    }

    /** Types named {@code *UseCase} are interfaces in {@code application.port.in}. */
    public ArchRule useCasesAreInboundPorts() {
        return classes().that().resideInAPackage(everything()).and().haveSimpleNameEndingWith("UseCase")
                .should().resideInAPackage(pkg("application.port.in")).andShould().beInterfaces()
                .because("a *UseCase is a driving port");
    }

    /** Top-level interfaces in {@code application.port.out} are driven ports named {@code *Port}. */
    public ArchRule outboundPortsAreNamedPort() {
        return classes().that().resideInAPackage(pkg("application.port.out"))
                .and().areInterfaces().and().areTopLevelClasses()
                .should().haveSimpleNameEndingWith("Port")
                .because("driven ports are named <Capability>Port");
    }

    /** Types named {@code *Port} are interfaces in {@code application.port.out}. */
    public ArchRule portsAreOutboundPorts() {
        return classes().that().resideInAPackage(everything()).and().haveSimpleNameEndingWith("Port")
                .should().resideInAPackage(pkg("application.port.out")).andShould().beInterfaces()
                .because("a *Port is a driven port; its implementations are adapters named otherwise");
    }

    // ---------------------------------------------------------------------------------------------------
    // Code hygiene

    /** No cycles between packages: every package under the base package is one slice. */
    public ArchRule noPackageCycles() {
        return slices().matching(base + ".(**)").namingSlices("package '$1'")
                .should().beFreeOfCycles();
    }

    /**
     * No {@code System.in/out/err} and no {@code Throwable.printStackTrace()} (which prints to
     * {@code System.err}): a library must not write to its host's console. Exempt: {@code bootstrap.cli..}
     * (it talks to the person at the terminal), {@code benchmarks..}, and in {@code sandbox..} exactly the
     * classes that declare {@code public static void main(String[])} (the launcher may print where it
     * listens; the server itself may not).
     */
    public ArchRule noStandardStreamsOutsideCli() {
        DescribedPredicate<JavaClass> exempt = resideInAnyPackage(pkg("bootstrap.cli"), pkg("benchmarks"))
                .or(resideInAPackage(pkg("sandbox")).and(DECLARE_A_MAIN_METHOD));
        return noClasses().that(resideInAPackage(everything()).and(not(exempt)).as(
                        "reside in package '%s' except in '%s', '%s' and the launchers (main classes) in '%s'",
                        everything(), pkg("bootstrap.cli"), pkg("benchmarks"), pkg("sandbox")))
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .orShould().accessField(System.class, "in")
                .orShould().callMethodWhere(PRINT_STACK_TRACE)
                .because("only the CLI talks to the console");
    }

    /**
     * No {@code System.exit}, {@code Runtime.exit} or {@code Runtime.halt} outside {@code bootstrap.cli..} and the
     * sandbox's launchers (its main classes, which are programs of their own): a library never ends its host's JVM.
     */
    public ArchRule noSystemExitOutsideCli() {
        DescribedPredicate<JavaClass> exempt = resideInAPackage(pkg("bootstrap.cli"))
                .or(resideInAPackage(pkg("sandbox")).and(DECLARE_A_MAIN_METHOD));
        return noClasses().that(resideInAPackage(everything()).and(not(exempt)).as(
                        "reside in package '%s' except in '%s' and the launchers (main classes) in '%s'",
                        everything(), pkg("bootstrap.cli"), pkg("sandbox")))
                .should().callMethod(System.class, "exit", int.class)
                .orShould().callMethod(Runtime.class, "exit", int.class)
                .orShould().callMethod(Runtime.class, "halt", int.class)
                .because("only the CLI decides the process's exit code");
    }

    /** No field annotated with {@code @Inject} (Guice's, jakarta's or javax's), anywhere: constructor injection or {@code @Provides} only. */
    public ArchRule noFieldInjection() {
        return noFields().that().areDeclaredInClassesThat().resideInAPackage(everything())
                .should().beAnnotatedWith(INJECT_ANNOTATIONS.get(0))
                .orShould().beAnnotatedWith(INJECT_ANNOTATIONS.get(1))
                .orShould().beAnnotatedWith(INJECT_ANNOTATIONS.get(2))
                .because("dependencies arrive through constructors, so objects are complete when built");
    }

    /** No {@code java.util.logging}, anywhere: platforms choose their logging through SLF4J. */
    public ArchRule noJavaUtilLogging() {
        return noClasses().that().resideInAPackage(everything())
                .should().dependOnClassesThat().resideInAPackage("java.util.logging..")
                .because("logging goes through SLF4J (or the events port), never java.util.logging");
    }

    /**
     * Time comes from an injected {@link Clock}: no {@code now()} of a {@code java.time} type without a
     * {@code Clock} argument ({@code Instant.now()}, {@code LocalDateTime.now(zone)}, ...), no
     * {@code System.currentTimeMillis()}, no {@code new java.util.Date()}. {@code Instant.now(clock)},
     * {@code clock.instant()} and {@code Clock.systemUTC()} are fine, and so is a {@link Clock} subclass
     * (it is where time comes from). {@code System.nanoTime()} measures durations, not time, and is
     * allowed. Exempt: {@code benchmarks..}.
     */
    public ArchRule timeComesFromAClock() {
        return noClasses().that().resideInAPackage(everything()).and().resideOutsideOfPackage(pkg("benchmarks"))
                .and().areNotAssignableTo(Clock.class)
                .should().callCodeUnitWhere(READ_THE_SYSTEM_CLOCK)
                .because("time comes from an injected java.time.Clock, so tests control it");
    }

    // ---------------------------------------------------------------------------------------------------
    // helpers

    private String everything() {
        return base + "..";
    }

    private String pkg(String relative) {
        return base + "." + relative + "..";
    }

    private static final DescribedPredicate<JavaClass> DECLARE_A_MAIN_METHOD = describe(
            "declare public static void main(String[])",
            javaClass -> javaClass.getMethods().stream().anyMatch(SmartApiAuthRules::isMainMethod));

    private static boolean isMainMethod(JavaMethod method) {
        return method.getName().equals("main")
                && method.getModifiers().contains(JavaModifier.PUBLIC)
                && method.getModifiers().contains(JavaModifier.STATIC)
                && method.getRawReturnType().isEquivalentTo(void.class)
                && method.getRawParameterTypes().size() == 1
                && method.getRawParameterTypes().get(0).isEquivalentTo(String[].class);
    }

    private static final DescribedPredicate<JavaMethodCall> PRINT_STACK_TRACE = describe(
            "Throwable.printStackTrace()",
            call -> call.getName().equals("printStackTrace")
                    && call.getTarget().getRawParameterTypes().isEmpty()
                    && call.getTargetOwner().isAssignableTo(Throwable.class));

    private static final DescribedPredicate<JavaCall<?>> READ_THE_SYSTEM_CLOCK = describe(
            "a java.time now() without a Clock, System.currentTimeMillis() or new java.util.Date()",
            SmartApiAuthRules::readsTheSystemClock);

    private static boolean readsTheSystemClock(JavaCall<?> call) {
        JavaClass owner = call.getTargetOwner();
        List<JavaClass> parameters = call.getTarget().getRawParameterTypes();
        String name = call.getName();
        if (owner.getPackageName().startsWith("java.time") && name.equals("now")) {
            return !(parameters.size() == 1 && parameters.get(0).isEquivalentTo(Clock.class));
        }
        if (owner.isEquivalentTo(System.class) && name.equals("currentTimeMillis")) {
            return true;
        }
        return owner.isEquivalentTo(java.util.Date.class) && name.equals(JavaConstructor.CONSTRUCTOR_NAME)
                && parameters.isEmpty();
    }

    private static ArchCondition<JavaClass> carryOnlyJdkAnnotations() {
        return new ArchCondition<>("carry only JDK annotations (java..)") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                report(javaClass, javaClass, javaClass.getDescription(), javaClass, events);
                for (JavaMember member : javaClass.getMembers()) {
                    report(javaClass, member, member.getDescription(), member, events);
                    if (member instanceof JavaCodeUnit) {
                        for (JavaParameter parameter : ((JavaCodeUnit) member).getParameters()) {
                            report(javaClass, parameter, parameter.getDescription(), member, events);
                        }
                    }
                }
            }

            private void report(JavaClass owner, HasAnnotations<?> annotated, String description,
                    Object location, ConditionEvents events) {
                for (JavaAnnotation<?> annotation : annotated.getAnnotations()) {
                    JavaClass type = annotation.getRawType();
                    if (!type.getPackageName().startsWith("java.")) {
                        String where = location instanceof JavaMember
                                ? ((JavaMember) location).getSourceCodeLocation().toString()
                                : owner.getSourceCodeLocation().toString();
                        events.add(SimpleConditionEvent.violated(owner,
                                description + " is annotated with @" + type.getName() + " in " + where));
                    }
                }
            }
        };
    }
}
