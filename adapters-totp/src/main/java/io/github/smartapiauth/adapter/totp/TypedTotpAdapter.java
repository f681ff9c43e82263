package io.github.smartapiauth.adapter.totp;

import io.github.smartapiauth.application.port.out.OneTimePasswordPort;
import io.github.smartapiauth.domain.credential.ClientCode;
import io.github.smartapiauth.domain.credential.TotpCode;
import io.github.smartapiauth.domain.error.ConfigurationException;
import io.github.smartapiauth.domain.secret.Redacted;
import java.io.Console;
import java.io.Reader;
import java.io.Writer;
import java.nio.CharBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * {@link OneTimePasswordPort} for people who keep the TOTP secret only on their phone: asks
 * them to type the code their authenticator app shows. The prompt says how many seconds the
 * current code has left (from the {@link Clock}); an entry must be exactly the configured
 * number of ASCII digits ({@code ^[0-9]{6}$} by default; spaces around it are ignored), else
 * the person is told what is wrong and asked again, up to the configured number of attempts.
 * The typed code is never written back: not to the output, not into a message. Serves every
 * account (the prompt names it); one prompt at a time.
 *
 * <pre>{@code
 * OneTimePasswordPort totp = TypedTotpAdapter.onConsole(Clock.systemUTC(), TypedTotpSettings.smartApi());
 * OneTimePasswordPort scripted = TypedTotpAdapter.over(reader, writer, clock, TypedTotpSettings.smartApi());
 * }</pre>
 */
public final class TypedTotpAdapter implements OneTimePasswordPort {

    private final CodeTerminal terminal;
    private final Clock clock;
    private final TypedTotpSettings settings;

    TypedTotpAdapter(CodeTerminal terminal, Clock clock, TypedTotpSettings settings) {
        this.terminal = Objects.requireNonNull(terminal, "terminal is required");
        this.clock = Objects.requireNonNull(clock, "clock is required");
        this.settings = Objects.requireNonNull(settings, "settings are required");
    }

    /** Reads from the JVM's console without echoing the code. */
    public static TypedTotpAdapter onConsole(Clock clock, TypedTotpSettings settings) {
        Console console = System.console();
        if (console == null) {
            throw new ConfigurationException("there is no console to type the TOTP code in (the process runs without"
                    + " a terminal); run it in a terminal, give the adapter a reader and writer, or configure the"
                    + " account's TOTP secret instead");
        }
        return new TypedTotpAdapter(new ConsoleTerminal(console), clock, settings);
    }

    /** Reads lines from {@code in} and writes prompts to {@code out} (e.g. a GUI or a test script). */
    public static TypedTotpAdapter over(Reader in, Writer out, Clock clock, TypedTotpSettings settings) {
        Objects.requireNonNull(in, "in is required");
        Objects.requireNonNull(out, "out is required");
        return new TypedTotpAdapter(new ReaderTerminal(in, out), clock, settings);
    }

    /**
     * The code the person types now; {@code instant} is not used (the code shown now is the one
     * typed).
     *
     * @throws ConfigurationException when the input ends, or no valid code was typed within
     *     the attempts
     */
    @Override
    public synchronized TotpCode codeAt(ClientCode account, Instant instant) {
        Objects.requireNonNull(account, "account is required");
        int digits = settings.digits();
        for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
            terminal.show(prompt(account, clock.instant()));
            char[] line = terminal.readLine();
            if (line == null) {
                terminal.show(System.lineSeparator());
                throw new ConfigurationException("the input ended before a TOTP code was typed for account " + account
                        + "; type the " + digits + "-digit code when asked, or configure the account's TOTP secret"
                        + " so that codes are generated");
            }
            try {
                String problem = problemWith(line, digits);
                if (problem == null) {
                    return TotpCode.of(trimmed(line), digits);
                }
                int left = settings.maxAttempts() - attempt;
                terminal.show(problem + (left == 0 ? "" : " Try again (" + left + (left == 1 ? " attempt" : " attempts")
                        + " left).") + System.lineSeparator());
            } finally {
                Arrays.fill(line, '\0');
            }
        }
        throw new ConfigurationException("no valid TOTP code was typed for account " + account + " in "
                + settings.maxAttempts() + (settings.maxAttempts() == 1 ? " attempt" : " attempts") + "; type the "
                + digits + " digits the authenticator app shows for the account");
    }

    private String prompt(ClientCode account, Instant now) {
        Duration remaining = settings.clock().remainingInStep(now);
        long seconds = (remaining.toMillis() + 999) / 1000;
        String timing = remaining.compareTo(settings.clock().minimumRemaining()) < 0
                ? "the code changes in " + seconds + " s: wait for the new one"
                : seconds + " s left for the current code";
        return "TOTP code for account " + account + " (" + settings.digits() + " digits, " + timing + "): ";
    }

    /** Why {@code line} is not a code, without repeating any of it; {@code null} when it is one. */
    static String problemWith(char[] line, int digits) {
        CharSequence entry = trimmed(line);
        if (entry.length() == 0) {
            return "Nothing was typed; type the " + digits + " digits the authenticator app shows.";
        }
        int bad = Redacted.firstInvalidPosition(entry, c -> c >= '0' && c <= '9');
        if (bad >= 0) {
            char c = entry.charAt(bad);
            String kind = Character.isDigit(c) ? "a digit that is not 0-9 (set the keyboard to Western digits)"
                    : Redacted.describeCharacter(c);
            return "That entry has " + kind + " at position " + (bad + 1) + "; a code is " + digits
                    + " ASCII digits 0-9 only.";
        }
        if (entry.length() != digits) {
            String length = entry.length() > CodeTerminal.MAX_LINE ? "more than " + CodeTerminal.MAX_LINE
                    : String.valueOf(entry.length());
            return "That entry has " + length + " digits; a code has exactly " + digits + ".";
        }
        return null;
    }

    private static CharSequence trimmed(char[] line) {
        int start = 0;
        int end = line.length;
        while (start < end && (line[start] == ' ' || line[start] == '\t')) {
            start++;
        }
        while (end > start && (line[end - 1] == ' ' || line[end - 1] == '\t')) {
            end--;
        }
        return CharBuffer.wrap(line, start, end - start);
    }

    @Override
    public String toString() {
        return "TypedTotpAdapter[" + settings.digits() + " digits, " + settings.maxAttempts() + " attempts]";
    }
}
