package io.github.smartapiauth.bootstrap.cli;

import io.github.smartapiauth.application.service.Sleeper;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * What a CLI run sees of the world: environment variables, output streams, a terminal if one is
 * attached, the clock, and how to wait (tests pass one that advances their clock). Tests pass their own.
 */
record CliEnvironment(Map<String, String> variables, PrintWriter out, PrintWriter err, Optional<Terminal> terminal,
                      Clock clock, Sleeper sleeper) {

    CliEnvironment(Map<String, String> variables, PrintWriter out, PrintWriter err, Optional<Terminal> terminal,
                   Clock clock) {
        this(variables, out, err, terminal, clock, Sleeper.system());
    }
}
