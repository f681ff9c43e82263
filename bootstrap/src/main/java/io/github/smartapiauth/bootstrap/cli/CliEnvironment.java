package io.github.smartapiauth.bootstrap.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * What a CLI run sees of the world: environment variables, output streams, a terminal if one is
 * attached, and the clock. Tests pass their own.
 */
record CliEnvironment(Map<String, String> variables, PrintWriter out, PrintWriter err, Optional<Terminal> terminal,
                      Clock clock) {
}
