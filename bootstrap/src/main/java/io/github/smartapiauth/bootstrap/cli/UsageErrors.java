package io.github.smartapiauth.bootstrap.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Command-line mistakes described without the values typed: picocli's own messages quote them
 * ({@code Unknown option: '--pin=7391'}, {@code Invalid value for option '--port': '...'}), and a
 * mistyped option or a stray argument is often a secret. Options are named, values never.
 */
final class UsageErrors {

    /**
     * What an option name of this CLI looks like (lower-case words joined by hyphens); anything else
     * after the dashes (digits, capitals, a long random run) may be a secret typed as an option.
     */
    private static final Pattern OPTION_NAME = Pattern.compile("--?[a-z]+(-[a-z]+){0,4}");

    private UsageErrors() {
    }

    /** Prints the mistake and where to find the usage; returns the usage exit code. */
    static int report(CommandLine.ParameterException error, int exitCode) {
        CommandLine command = error.getCommandLine();
        command.getErr().println("error: " + describe(error));
        command.getErr().println("Run '" + command.getCommandSpec().qualifiedName() + " --help' for the usage.");
        command.getErr().flush();
        return exitCode;
    }

    static String describe(CommandLine.ParameterException error) {
        if (error instanceof CommandLine.UnmatchedArgumentException unmatched) {
            List<String> problems = new ArrayList<>();
            for (String argument : unmatched.getUnmatched()) {
                problems.add(describeUnmatched(argument));
            }
            return String.join("; ", problems.isEmpty() ? List.of("unexpected arguments (not shown)") : problems);
        }
        if (error instanceof UsageError own) {
            return own.getMessage();
        }
        if (error instanceof CommandLine.MissingParameterException) {
            return error.getMessage(); // names what is missing; there is no value to show
        }
        ArgSpec spec = error.getArgSpec();
        if (spec == null) {
            return "the command line could not be read (its arguments are not shown, as one may be a secret)";
        }
        String name = spec instanceof OptionSpec option ? "option " + option.longestName() : "parameter " + spec.paramLabel();
        return "invalid value for " + name + " (not shown, as it may be a secret); expected " + expected(spec);
    }

    private static String describeUnmatched(String argument) {
        if (argument.startsWith("-")) {
            int equals = argument.indexOf('=');
            String name = equals < 0 ? argument : argument.substring(0, equals);
            String value = equals < 0 ? "" : " with a value (not shown)";
            return OPTION_NAME.matcher(name).matches() ? "unknown option " + name + value
                    : "an unknown option (not shown, as it may be a secret)";
        }
        return "an unexpected argument (not shown, as it may be a secret)";
    }

    private static String expected(ArgSpec spec) {
        Class<?> type = spec.type();
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        return spec.paramLabel() + " (see --help)";
    }
}
