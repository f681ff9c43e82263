package io.github.smartapiauth.adapter.totp;

import java.io.Console;
import java.util.Arrays;

/** The JVM's console; the code is read like a password, so the terminal does not echo it either. */
final class ConsoleTerminal implements CodeTerminal {

    private final Console console;

    ConsoleTerminal(Console console) {
        this.console = console;
    }

    @Override
    public void show(String text) {
        console.writer().print(text);
        console.writer().flush();
    }

    @Override
    public char[] readLine() {
        char[] line = console.readPassword();
        if (line == null || line.length <= MAX_LINE + 1) {
            return line;
        }
        char[] cut = Arrays.copyOf(line, MAX_LINE + 1);
        Arrays.fill(line, '\0');
        return cut;
    }
}
