package io.github.smartapiauth.bootstrap.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/** Runs the CLI in-process (its entry point is package-private) and returns everything it printed. */
public final class CliRunner {

    private CliRunner() {
    }

    /** Exit code, a newline, then stdout and stderr. */
    public static String run(Map<String, String> env, Clock clock, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SmartApiAuthCli.run(new CliEnvironment(env, new PrintWriter(out, true), new PrintWriter(err, true),
                Optional.empty(), clock), args);
        return code + "\n" + out + err;
    }
}
