package io.github.smartapiauth.architecture;

/**
 * The parts of a {@link Hexagon} that a description line can name as a user or a dependency of a package:
 * {@code .allow("strategy").toUse(Part.DRIVING_PORTS, Part.DOMAIN)},
 * {@code .standalone("sandbox").usedBy(Part.CONFIGURATION)}.
 */
public enum Part {

    /** The domain package(s). */
    DOMAIN("the domain"),

    /** The whole application package, its ports included. */
    APPLICATION("the application"),

    /** The application's driving (inbound) port package: what the outside calls. */
    DRIVING_PORTS("driving ports"),

    /** The application's driven (outbound) port package: what the application needs from adapters. */
    DRIVEN_PORTS("driven ports"),

    /** Every adapter. */
    ADAPTERS("adapters"),

    /** The configuration (bootstrap, composition root) package(s). */
    CONFIGURATION("configuration");

    private final String label;

    Part(String label) {
        this.label = label;
    }

    /** How messages name this part ("the domain", "driving ports", ...). */
    String label() {
        return label;
    }
}
