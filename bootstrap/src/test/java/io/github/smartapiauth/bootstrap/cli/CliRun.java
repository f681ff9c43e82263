package io.github.smartapiauth.bootstrap.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/** Runs the CLI through its entry point with the given environment and terminal; what it printed and its exit code. */
record CliRun(int code, String out, String err) {

    static CliRun of(Map<String, String> env, Clock clock, String... args) {
        return of(env, clock, Optional.empty(), args);
    }

    static CliRun of(Map<String, String> env, Clock clock, Optional<Terminal> terminal, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliEnvironment environment = new CliEnvironment(Map.copyOf(env), new PrintWriter(out, true),
                new PrintWriter(err, true), terminal, clock);
        int code = SmartApiAuthCli.run(environment, args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
