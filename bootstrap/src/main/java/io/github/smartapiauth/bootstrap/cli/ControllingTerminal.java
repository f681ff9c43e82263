package io.github.smartapiauth.bootstrap.cli;

import java.io.BufferedReader;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.Charset;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The process's controlling terminal, {@code /dev/tty}, as ssh, gpg and sudo use it: a person is at
 * a terminal even when standard output is piped ({@code T=$(smartapi-auth token)}, {@code token | xargs}),
 * where {@code System.console()} is null. Secrets are read with echo off ({@code stty -echo} on the
 * terminal, restored afterwards).
 */
final class ControllingTerminal implements Terminal {

    private static final File TTY = new File("/dev/tty");

    private final BufferedReader in;
    private final PrintWriter out;

    private ControllingTerminal(BufferedReader in, PrintWriter out) {
        this.in = in;
        this.out = out;
    }

    /** The controlling terminal, or empty when the process has none (CI, cron, a daemon). */
    static Optional<Terminal> open() {
        try {
            Charset charset = Charset.defaultCharset();
            BufferedReader in = new BufferedReader(new InputStreamReader(new FileInputStream(TTY), charset));
            PrintWriter out = new PrintWriter(new OutputStreamWriter(new FileOutputStream(TTY), charset), true);
            return Optional.of(new ControllingTerminal(in, out));
        } catch (IOException | SecurityException noTerminal) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<char[]> readSecret(String prompt) {
        // Echo goes off before the prompt shows, so nothing typed after it can be echoed.
        boolean silenced = stty("-echo");
        out.print(prompt);
        out.flush();
        try {
            String line = in.readLine();
            return Optional.ofNullable(line).map(String::toCharArray);
        } catch (IOException e) {
            return Optional.empty();
        } finally {
            if (silenced) {
                stty("echo");
            }
            out.println();
        }
    }

    @Override
    public Reader reader() {
        return in;
    }

    @Override
    public Writer writer() {
        return out;
    }

    /** Sets a terminal mode with {@code stty}, on the terminal itself; false when that did not work. */
    private static boolean stty(String mode) {
        try {
            Process stty = new ProcessBuilder("stty", mode).redirectInput(TTY)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return stty.waitFor(5, TimeUnit.SECONDS) && stty.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
