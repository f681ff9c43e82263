package io.github.smartapiauth.adapter.totp;

import io.github.smartapiauth.domain.error.ConfigurationException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.Arrays;

/** A terminal over any reader and writer; reads the line character by character, so no String holds the code. */
final class ReaderTerminal implements CodeTerminal {

    private final Reader in;
    private final Writer out;

    ReaderTerminal(Reader in, Writer out) {
        this.in = in instanceof BufferedReader ? in : new BufferedReader(in);
        this.out = out;
    }

    @Override
    public void show(String text) {
        try {
            out.write(text);
            out.flush();
        } catch (IOException e) {
            throw new ConfigurationException("cannot write the TOTP prompt (" + e.getClass().getSimpleName()
                    + "); check the output the typed-in TOTP adapter was given", null, e);
        }
    }

    @Override
    public char[] readLine() {
        char[] line = new char[MAX_LINE + 1];
        int length = 0;
        try {
            int c = in.read();
            if (c < 0) {
                return null;
            }
            while (c >= 0 && c != '\n') {
                if (c != '\r' && length < line.length) {
                    line[length++] = (char) c;
                }
                c = in.read();
            }
            return Arrays.copyOf(line, length);
        } catch (IOException e) {
            throw new ConfigurationException("cannot read the typed TOTP code (" + e.getClass().getSimpleName()
                    + "); check the input the typed-in TOTP adapter was given", null, e);
        } finally {
            Arrays.fill(line, '\0');
        }
    }
}
