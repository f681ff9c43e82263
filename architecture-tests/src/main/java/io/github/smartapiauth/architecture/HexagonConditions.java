package io.github.smartapiauth.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaParameter;
import com.tngtech.archunit.core.domain.PackageMatcher;
import com.tngtech.archunit.core.domain.properties.HasAnnotations;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** The conditions and predicates ArchUnit does not have ready-made, for {@link HexagonRules}. */
final class HexagonConditions {

    private HexagonConditions() {
    }

    /** Each dependency between two parts of the hexagon is one the description allows. */
    static ArchCondition<JavaClass> useOnlyWhatTheDescriptionAllows(Layout layout) {
        return new ArchCondition<>("use only the parts the description lets them use") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                Optional<Layout.Region> user = layout.regionOf(javaClass);
                if (user.isEmpty()) {
                    return; // everyClassBelongsToAPart reports it
                }
                for (Dependency dependency : javaClass.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass().getBaseComponentType();
                    Optional<Layout.Region> used = layout.regionOf(target);
                    if (used.isPresent() && !layout.mayUse(user.get(), used.get())) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription() + ": "
                                + user.get().label() + " may not use " + used.get().label() + " ("
                                + user.get().label() + " may use " + layout.whatMayBeUsedBy(user.get()) + ")"));
                    }
                }
            }
        };
    }

    /**
     * The public and protected members of port types (and of their commands, results and nested types) have
     * only JDK types, domain types and port types in their signatures: their own commands, results and nested
     * types, and other ports (a driving port may take a driven port that its caller implements).
     */
    static ArchCondition<JavaClass> haveOnlyDomainAndJdkTypesInSignatures(Layout layout) {
        return new ArchCondition<>("have only domain, JDK and port types in their signatures") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                for (JavaMember member : javaClass.getMembers()) {
                    if (!isVisibleOutside(member)) {
                        continue;
                    }
                    Set<JavaClass> involved = member instanceof JavaCodeUnit
                            ? ((JavaCodeUnit) member).getAllInvolvedRawTypes()
                            : ((JavaField) member).getType().getAllInvolvedRawTypes();
                    Set<String> foreign = new TreeSet<>();
                    for (JavaClass type : involved) {
                        JavaClass base = type.getBaseComponentType();
                        if (!base.isPrimitive() && !base.getPackageName().startsWith("java.")
                                && !isDomainOrPorts(layout, base)) {
                            foreign.add(base.getName());
                        }
                    }
                    for (String type : foreign) {
                        events.add(SimpleConditionEvent.violated(member, member.getDescription() + " has <" + type
                                + "> in its signature in " + member.getSourceCodeLocation()));
                    }
                }
            }
        };
    }

    private static boolean isVisibleOutside(JavaMember member) {
        Set<JavaModifier> modifiers = member.getModifiers();
        boolean visible = modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED)
                || (member.getOwner().isInterface() && !modifiers.contains(JavaModifier.PRIVATE));
        return visible && !modifiers.contains(JavaModifier.SYNTHETIC) && !modifiers.contains(JavaModifier.BRIDGE);
    }

    private static boolean isDomainOrPorts(Layout layout, JavaClass type) {
        Optional<Layout.Kind> kind = layout.regionOf(type).map(Layout.Region::kind);
        return kind.isPresent() && (kind.get() == Layout.Kind.DOMAIN || kind.get() == Layout.Kind.DRIVING_PORTS
                || kind.get() == Layout.Kind.DRIVEN_PORTS);
    }

    /** Public adapter classes are the ones configuration uses (wires); the rest is the adapter's own. */
    static ArchCondition<JavaClass> beUsedByConfigurationWhenPublic(Layout layout) {
        return new ArchCondition<>("be package-private unless configuration uses them") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                if (!isEffectivelyPublic(javaClass)) {
                    return;
                }
                boolean wired = javaClass.getDirectDependenciesToSelf().stream()
                        .map(dependency -> layout.regionOf(dependency.getOriginClass()))
                        .anyMatch(region -> region.isPresent() && region.get().kind() == Layout.Kind.CONFIGURATION);
                if (!wired) {
                    events.add(SimpleConditionEvent.violated(javaClass, "Class <" + javaClass.getName()
                            + "> is public but configuration does not use it in " + javaClass.getSourceCodeLocation()));
                }
            }
        };
    }

    private static boolean isEffectivelyPublic(JavaClass javaClass) {
        for (Optional<JavaClass> type = Optional.of(javaClass); type.isPresent(); type = type.get().getEnclosingClass()) {
            if (!type.get().getModifiers().contains(JavaModifier.PUBLIC)) {
                return false;
            }
        }
        return !javaClass.isAnonymousClass() && !javaClass.isLocalClass();
    }

    /**
     * Carries no annotation but the JDK's and the allowed libraries': not on classes, fields, constructors,
     * methods or parameters (source-retention annotations never reach the bytecode and cannot matter).
     */
    static ArchCondition<JavaClass> carryOnlyAnnotationsFrom(List<String> allowedLibraries) {
        List<PackageMatcher> allowed = new ArrayList<>();
        allowed.add(PackageMatcher.of("java.."));
        allowedLibraries.forEach(pattern -> allowed.add(PackageMatcher.of(pattern)));
        return new ArchCondition<>("carry only JDK annotations (java..)"
                + (allowedLibraries.isEmpty() ? "" : " and those of " + allowedLibraries)) {
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

            private void report(JavaClass owner, HasAnnotations<?> annotated, String description, Object location,
                    ConditionEvents events) {
                for (JavaAnnotation<?> annotation : annotated.getAnnotations()) {
                    JavaClass type = annotation.getRawType();
                    if (allowed.stream().noneMatch(matcher -> matcher.matches(type.getPackageName()))) {
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

    /** Simple names matching a pattern where {@code *} stands for any letters ({@code *UseCase}, {@code I*}, {@code Get*Query}). */
    static DescribedPredicate<JavaClass> simpleNameMatching(String pattern) {
        StringBuilder quoted = new StringBuilder();
        for (String literal : pattern.split("\\*", -1)) {
            quoted.append(quoted.length() == 0 && literal.isEmpty() ? "" : Pattern.quote(literal)).append(".*");
        }
        Pattern regex = Pattern.compile(quoted.substring(0, quoted.length() - 2));
        return describe("simple name matching '" + pattern + "'", javaClass -> regex.matcher(javaClass.getSimpleName()).matches());
    }

    static final DescribedPredicate<JavaClass> DECLARE_A_MAIN_METHOD = describe(
            "declare public static void main(String[])",
            javaClass -> javaClass.getMethods().stream().anyMatch(HexagonConditions::isMainMethod));

    private static boolean isMainMethod(JavaMethod method) {
        return method.getName().equals("main")
                && method.getModifiers().contains(JavaModifier.PUBLIC)
                && method.getModifiers().contains(JavaModifier.STATIC)
                && method.getRawReturnType().isEquivalentTo(void.class)
                && method.getRawParameterTypes().size() == 1
                && method.getRawParameterTypes().get(0).isEquivalentTo(String[].class);
    }

    static final DescribedPredicate<JavaMethodCall> PRINT_STACK_TRACE = describe(
            "Throwable.printStackTrace()",
            call -> call.getName().equals("printStackTrace")
                    && call.getTarget().getRawParameterTypes().isEmpty()
                    && call.getTargetOwner().isAssignableTo(Throwable.class));

    /**
     * A {@code now()} of a {@code java.time} type without a {@link Clock} ({@code Instant.now()},
     * {@code LocalDateTime.now(zone)}), {@code System.currentTimeMillis()} or {@code new java.util.Date()}.
     * {@code System.nanoTime()} measures durations, not time, and is not one.
     */
    static final DescribedPredicate<JavaCall<?>> READ_THE_SYSTEM_CLOCK = describe(
            "a java.time now() without a Clock, System.currentTimeMillis() or new java.util.Date()",
            HexagonConditions::readsTheSystemClock);

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
}
