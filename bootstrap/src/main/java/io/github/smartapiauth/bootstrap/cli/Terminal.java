package io.github.smartapiauth.bootstrap.cli;

import java.io.Console;
import java.io.Reader;
import java.io.Writer;
import java.util.Optional;

/** A person at a terminal, when there is one: asked for secrets that are not configured. */
interface Terminal {

    /** Reads a secret without echo; empty at end of input. */
    Optional<char[]> readSecret(String prompt);

    /** Where typed TOTP codes are read from and prompts written to. */
    Reader reader();

    Writer writer();

    /**
     * The system console; when there is none because a stream is redirected, the controlling
     * terminal ({@code /dev/tty}); empty only when there is no terminal at all (CI, cron).
     */
    static Optional<Terminal> system() {
        Console console = System.console();
        if (console == null) {
            return ControllingTerminal.open();
        }
        return Optional.of(new Terminal() {
            @Override
            public Optional<char[]> readSecret(String prompt) {
                return Optional.ofNullable(console.readPassword("%s", prompt));
            }

            @Override
            public Reader reader() {
                return console.reader();
            }

            @Override
            public Writer writer() {
                return console.writer();
            }
        });
    }
}
