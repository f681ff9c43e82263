package io.github.smartapiauth.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A {@link Hexagon} description resolved against its base package: which part each class belongs to, and
 * which part may use which. Built (and the description's lines checked against each other) once per
 * {@link Hexagon#rules()}.
 */
final class Layout {

    enum Kind { DOMAIN, APPLICATION, DRIVING_PORTS, DRIVEN_PORTS, ADAPTER, CONFIGURATION, STANDALONE, ALLOWED }

    /**
     * One part of the hexagon as a package: its kind, its name (adapters, standalone and allowed packages have
     * one each), its absolute package, the description line it comes from, and for standalone and allowed
     * packages who may use them (and what an allowed package may use).
     */
    record Region(Kind kind, String name, String pkg, String line, Set<Part> usedBy, Set<Part> uses,
            boolean usesEverything) {

        boolean contains(String packageName) {
            return packageName.equals(pkg) || packageName.startsWith(pkg + ".");
        }

        boolean isApplication() {
            return kind == Kind.APPLICATION || kind == Kind.DRIVING_PORTS || kind == Kind.DRIVEN_PORTS;
        }

        String label() {
            switch (kind) {
                case DOMAIN:
                    return "the domain";
                case APPLICATION:
                    return "the application";
                case DRIVING_PORTS:
                    return "driving ports";
                case DRIVEN_PORTS:
                    return "driven ports";
                case ADAPTER:
                    return name == null ? "adapters" : "adapter '" + name + "'";
                case CONFIGURATION:
                    return "configuration";
                case STANDALONE:
                    return "standalone '" + name + "'";
                default:
                    return "allowed package '" + name + "'";
            }
        }

        /** Whether the description's {@code part} covers this region (as a user or as something used). */
        boolean isCoveredBy(Part part) {
            switch (part) {
                case DOMAIN:
                    return kind == Kind.DOMAIN;
                case APPLICATION:
                    return isApplication();
                case DRIVING_PORTS:
                    return kind == Kind.DRIVING_PORTS;
                case DRIVEN_PORTS:
                    return kind == Kind.DRIVEN_PORTS;
                case ADAPTERS:
                    return kind == Kind.ADAPTER;
                default:
                    return kind == Kind.CONFIGURATION;
            }
        }
    }

    private final Hexagon hexagon;
    private final String base;
    private final List<Region> regions;
    private final String adapterRoot;

    private Layout(Hexagon hexagon, List<Region> regions, String adapterRoot) {
        this.hexagon = hexagon;
        this.base = hexagon.basePackage();
        this.regions = List.copyOf(regions);
        this.adapterRoot = adapterRoot;
    }

    static Layout of(Hexagon hexagon) {
        String base = hexagon.basePackage();
        List<Region> topLevel = new ArrayList<>();
        for (String pkg : hexagon.domain().value()) {
            topLevel.add(simple(Kind.DOMAIN, null, base + "." + pkg, hexagon.domain().text()));
        }
        Region application = simple(Kind.APPLICATION, null, base + "." + hexagon.application().value(),
                hexagon.application().text());
        topLevel.add(application);
        Hexagon.Adapters adapters = hexagon.adapters().value();
        String adapterRoot = null;
        if (adapters.root() != null) {
            adapterRoot = base + "." + adapters.root();
            topLevel.add(simple(Kind.ADAPTER, null, adapterRoot, hexagon.adapters().text()));
        } else {
            for (String pkg : adapters.listed()) {
                topLevel.add(simple(Kind.ADAPTER, pkg, base + "." + pkg, hexagon.adapters().text()));
            }
        }
        for (String pkg : hexagon.configuration().value()) {
            topLevel.add(simple(Kind.CONFIGURATION, null, base + "." + pkg, hexagon.configuration().text()));
        }
        for (Hexagon.Standalone standalone : hexagon.standalones()) {
            topLevel.add(new Region(Kind.STANDALONE, standalone.pkg(), base + "." + standalone.pkg(),
                    standalone.line(), standalone.usedBy(), Set.of(), false));
        }
        for (Hexagon.Allowed allowed : hexagon.allowed()) {
            topLevel.add(new Region(Kind.ALLOWED, allowed.pkg(), base + "." + allowed.pkg(), allowed.line(),
                    allowed.usedBy(), allowed.uses(), allowed.usesEverything()));
        }
        for (int i = 0; i < topLevel.size(); i++) {
            for (int j = i + 1; j < topLevel.size(); j++) {
                Region one = topLevel.get(i);
                Region other = topLevel.get(j);
                if (one.contains(other.pkg()) || other.contains(one.pkg())) {
                    throw new IllegalArgumentException("the description gives two parts overlapping packages: '"
                            + one.pkg() + "' (" + one.line() + ") and '" + other.pkg() + "' (" + other.line()
                            + "); give each part a package of its own");
                }
            }
        }

        Region driving = simple(Kind.DRIVING_PORTS, null, base + "." + hexagon.drivingPorts().value(),
                hexagon.drivingPorts().text());
        Region driven = simple(Kind.DRIVEN_PORTS, null, base + "." + hexagon.drivenPorts().value(),
                hexagon.drivenPorts().text());
        for (Region ports : List.of(driving, driven)) {
            if (ports.pkg().equals(application.pkg()) || !application.contains(ports.pkg())) {
                throw new IllegalArgumentException(ports.line() + ": ports live inside the application's package ("
                        + application.line() + "); name a subpackage such as \"" + hexagon.application().value()
                        + ".port.in\"");
            }
        }
        if (driving.contains(driven.pkg()) || driven.contains(driving.pkg())) {
            throw new IllegalArgumentException(driving.line() + " and " + driven.line()
                    + " overlap; give driving and driven ports a package each");
        }

        List<Region> regions = new ArrayList<>(topLevel);
        regions.add(driving);
        regions.add(driven);
        Layout layout = new Layout(hexagon, regions, adapterRoot);
        layout.checkConfinedPlaces();
        layout.checkRuleNamesAreUnique();
        return layout;
    }

    private static Region simple(Kind kind, String name, String pkg, String line) {
        return new Region(kind, name, pkg, line, Set.of(), Set.of(), false);
    }

    private void checkConfinedPlaces() {
        for (Hexagon.Confined confined : hexagon.confined()) {
            for (String place : confined.places()) {
                Optional<Region> region = regionOfPackage(base + "." + place);
                boolean fits = region.isPresent() && (region.get().kind() == Kind.ADAPTER
                        || region.get().kind() == Kind.CONFIGURATION || region.get().kind() == Kind.STANDALONE
                        || region.get().kind() == Kind.ALLOWED);
                if (!fits) {
                    throw new IllegalArgumentException(confined.line() + ": '" + place + "' is not inside an adapter, "
                            + "a configuration, standalone or allowed package of this description, so "
                            + confined.library().name() + " could never be used there; name such a package"
                            + " relative to '" + base + "' (domain and application take libraries through"
                            + " .allowInDomainAndApplication(...))");
                }
            }
        }
    }

    private void checkRuleNamesAreUnique() {
        Set<String> names = new HashSet<>();
        for (Hexagon.Confined confined : hexagon.confined()) {
            if (!names.add(HexagonRules.confinedRuleName(confined.library()))) {
                throw new IllegalArgumentException(confined.line() + ": a library named '" + confined.library().name()
                        + "' is already confined; confine it once, to all its places");
            }
        }
        for (Hexagon.Forbidden forbidden : hexagon.forbidden()) {
            if (!names.add(HexagonRules.forbiddenRuleName(forbidden.library()))) {
                throw new IllegalArgumentException(forbidden.line() + ": a library named '" + forbidden.library().name()
                        + "' is already forbidden");
            }
        }
    }

    String base() {
        return base;
    }

    Hexagon hexagon() {
        return hexagon;
    }

    /** The adapters' root package when every child of it is an adapter, else empty. */
    Optional<String> adapterRoot() {
        return Optional.ofNullable(adapterRoot);
    }

    List<Region> regions(Kind kind) {
        return regions.stream().filter(region -> region.kind() == kind).collect(Collectors.toList());
    }

    /** The part a class belongs to, if any. */
    Optional<Region> regionOf(JavaClass javaClass) {
        return regionOfPackage(javaClass.getPackageName());
    }

    private Optional<Region> regionOfPackage(String packageName) {
        Region best = null;
        for (Region region : regions) {
            if (region.contains(packageName) && (best == null || region.pkg().length() > best.pkg().length())) {
                best = region;
            }
        }
        if (best != null && best.kind() == Kind.ADAPTER && best.name() == null) {
            if (packageName.equals(adapterRoot)) {
                return Optional.empty();
            }
            String child = packageName.substring(adapterRoot.length() + 1).split("\\.")[0];
            return Optional.of(simple(Kind.ADAPTER, child, adapterRoot + "." + child, best.line()));
        }
        return Optional.ofNullable(best);
    }

    /** Whether classes of {@code user} may depend on classes of {@code used}, by the description. */
    boolean mayUse(Region user, Region used) {
        if (samePart(user, used) || (user.kind() == Kind.ALLOWED && user.usesEverything())) {
            return true;
        }
        if (user.kind() == Kind.ALLOWED && user.uses().stream().anyMatch(used::isCoveredBy)) {
            return true;
        }
        switch (used.kind()) {
            case DOMAIN:
                return user.isApplication() || user.kind() == Kind.ADAPTER || user.kind() == Kind.CONFIGURATION;
            case APPLICATION:
            case DRIVING_PORTS:
            case DRIVEN_PORTS:
                return user.kind() == Kind.ADAPTER || user.kind() == Kind.CONFIGURATION;
            case ADAPTER:
                // one adapter using another is adaptersDoNotDependOnEachOther's business
                return user.kind() == Kind.CONFIGURATION || user.kind() == Kind.ADAPTER;
            case CONFIGURATION:
                return false;
            default:
                return used.usedBy().stream().anyMatch(user::isCoveredBy);
        }
    }

    private static boolean samePart(Region one, Region other) {
        if (one.isApplication() && other.isApplication()) {
            return true;
        }
        if (one.kind() != other.kind()) {
            return false;
        }
        return one.kind() == Kind.DOMAIN || one.kind() == Kind.CONFIGURATION
                || Objects.equals(one.name(), other.name());
    }

    /** What {@code user} may use besides itself, for messages ("the domain, driving ports"). */
    String whatMayBeUsedBy(Region user) {
        List<Region> candidates = new ArrayList<>();
        candidates.add(regions(Kind.DOMAIN).get(0));
        candidates.addAll(regions(Kind.APPLICATION));
        candidates.addAll(regions(Kind.DRIVING_PORTS));
        candidates.addAll(regions(Kind.DRIVEN_PORTS));
        if (user.kind() != Kind.ADAPTER) {
            candidates.add(simple(Kind.ADAPTER, null, "", "")); // stands for every adapter: "adapters"
        }
        candidates.add(regions(Kind.CONFIGURATION).get(0));
        candidates.addAll(regions(Kind.STANDALONE));
        candidates.addAll(regions(Kind.ALLOWED));
        List<String> labels = new ArrayList<>();
        boolean wholeApplication = false;
        for (Region candidate : candidates) {
            if (samePart(user, candidate) || !mayUse(user, candidate)
                    || (wholeApplication && candidate.isApplication())) {
                continue;
            }
            wholeApplication |= candidate.kind() == Kind.APPLICATION;
            labels.add(candidate.label());
        }
        return labels.isEmpty() ? "nothing but itself" : "only " + String.join(", ", labels) + " besides itself";
    }
}
