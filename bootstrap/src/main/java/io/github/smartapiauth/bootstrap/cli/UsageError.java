package io.github.smartapiauth.bootstrap.cli;

import picocli.CommandLine;

/**
 * A usage mistake the CLI found itself, after parsing (a port out of range, a negative duration): its
 * message is the CLI's own, names the flag and the fix, and holds no secret, so it is shown as it is
 * (picocli's own messages are not: they quote what was typed).
 */
final class UsageError extends CommandLine.ParameterException {

    private static final long serialVersionUID = 1L;

    UsageError(CommandLine command, String message) {
        super(command, message);
    }
}
