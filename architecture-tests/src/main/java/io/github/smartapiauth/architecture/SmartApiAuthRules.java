package io.github.smartapiauth.architecture;

import com.tngtech.archunit.lang.ArchRule;
import java.util.Map;

/**
 * smartapi-auth's own architecture: one {@link Hexagon} description, nothing written by hand beside it. The
 * same description serves any code base laid out like smartapi-auth under another base package (a fork, the
 * rule fixtures): {@link #forBasePackage(String)}.
 *
 * <table>
 *   <caption>module → root package (relative to the base package)</caption>
 *   <tr><td>domain</td><td>{@code domain}</td></tr>
 *   <tr><td>application</td><td>{@code application}, driving ports {@code *UseCase} in {@code application.port.in},
 *       driven ports {@code *Port} in {@code application.port.out}</td></tr>
 *   <tr><td>adapters</td><td>{@code adapter.<name>}: each child of {@code adapter} is one adapter (Micrometer only
 *       in {@code adapter.metrics}, so a platform without meters never loads it)</td></tr>
 *   <tr><td>bootstrap</td><td>{@code bootstrap} (configuration), its CLI in {@code bootstrap.cli} (entry points)</td></tr>
 *   <tr><td>sandbox</td><td>{@code sandbox}: stands apart (uses none of the others, so client and server cannot
 *       agree on the same mistake); only bootstrap uses it; its main classes are launchers</td></tr>
 *   <tr><td>benchmarks</td><td>{@code benchmarks}: measures everything (any part, any library, the console, the
 *       wall clock); nothing uses it</td></tr>
 *   <tr><td>architecture</td><td>{@code architecture}: these rules; they stand apart</td></tr>
 * </table>
 *
 * <p>Adapter visibility ({@code .hideAdapterInternals()}) is not checked here: the TOTP adapter's decoder,
 * key-URI importer and algorithm are public for the benchmarks and the fuzzers in other modules, which these
 * rules cannot see.
 */
public final class SmartApiAuthRules {

    /** smartapi-auth's own base package. */
    public static final String BASE_PACKAGE = "io.github.smartapiauth";

    private static final Hexagon SMARTAPI_AUTH = Hexagon.basePackage(BASE_PACKAGE)
            .configuration("bootstrap")
            .entryPoints("bootstrap.cli")
            .standalone("sandbox").usedBy(Part.CONFIGURATION)
            .mainClassesAreEntryPointsIn("sandbox")
            .standalone("architecture").usedByNothing()
            .allow("benchmarks").usedByNothing().toUseEverything()
            .mayPrint("benchmarks")
            .mayReadTheSystemClock("benchmarks")
            .confine("Feign", "feign..").to("adapter.http", "bootstrap")
            .confine("Jackson", "com.fasterxml.jackson..").to("adapter.http", "sandbox")
            .confine("Bouncy Castle", "org.bouncycastle..").to("adapter.storage", "sandbox")
            .confine("Lettuce", "io.lettuce..", "io.netty..", "reactor..", "org.reactivestreams..").to("adapter.redis")
            .confine("Micrometer", "io.micrometer..").to("adapter.metrics")
            .confine("Guice", "com.google.inject..", "jakarta.inject..", "javax.inject..").to("bootstrap")
            .confine("picocli", "picocli..").to("bootstrap")
            .forbid("java.util.logging", "java.util.logging..");

    private SmartApiAuthRules() {
    }

    /** smartapi-auth's description ({@value #BASE_PACKAGE}). */
    public static Hexagon smartApiAuth() {
        return SMARTAPI_AUTH;
    }

    /** smartapi-auth's description under another base package. */
    public static Hexagon forBasePackage(String basePackage) {
        return SMARTAPI_AUTH.withBasePackage(basePackage);
    }

    /** smartapi-auth's rules, by name. */
    public static Map<String, ArchRule> rules() {
        return SMARTAPI_AUTH.rules();
    }
}
