package io.github.smartapiauth.adapter.totp;

/** Where a person sees prompts and types a code. */
interface CodeTerminal {

    /** Shows {@code text} as is (no line break added) and flushes it. */
    void show(String text);

    /**
     * The next line without its line break, at most {@link #MAX_LINE} + 1 characters (more
     * means "too long"), or {@code null} at the end of the input. The caller wipes it.
     */
    char[] readLine();

    int MAX_LINE = 64;
}
