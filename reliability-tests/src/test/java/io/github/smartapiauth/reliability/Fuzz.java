package io.github.smartapiauth.reliability;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Random;
import java.util.function.IntConsumer;

/** Seeded mutations shared by the fuzzers: every run with the same seed feeds the same inputs. */
public final class Fuzz {

    public static final long SEED = Long.getLong("fuzz.seed", 0x5A5A_2026L);

    private Fuzz() {
    }

    /** For fuzzers outside this package: writes a report section (see ReportSections). */
    public static void report(int order, String markdown) {
        ReportSections.write(order, markdown);
    }

    public static int cases() {
        return Integer.getInteger("fuzz.cases", 10_000);
    }

    /**
     * Runs cases 0 to {@code cases - 1} in batches of 1,000; a batch that outlasts {@code perBatch}
     * fails the test (a hang).
     */
    public static void inBatches(int cases, Duration perBatch, IntConsumer oneCase) {
        int batch = 1000;
        for (int from = 0; from < cases; from += batch) {
            int start = from;
            int end = Math.min(cases, from + batch);
            assertTimeoutPreemptively(perBatch, () -> {
                for (int i = start; i < end; i++) {
                    oneCase.accept(i);
                }
            });
        }
    }

    /** One to four random edits of {@code text}: replace, insert, delete, duplicate a slice, or truncate. */
    public static String mutate(String text, Random random, String alphabet) {
        StringBuilder out = new StringBuilder(text);
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits; e++) {
            int at = out.length() == 0 ? 0 : random.nextInt(out.length() + 1);
            switch (random.nextInt(6)) {
                case 0 -> {
                    if (at < out.length()) {
                        out.setCharAt(at, pick(random, alphabet));
                    }
                }
                case 1 -> out.insert(at, pick(random, alphabet));
                case 2 -> {
                    if (at < out.length()) {
                        out.deleteCharAt(at);
                    }
                }
                case 3 -> {
                    int end = Math.min(out.length(), at + random.nextInt(12));
                    out.insert(at, out.substring(at, end));
                }
                case 4 -> out.setLength(at);
                default -> out.insert(at, (char) random.nextInt(0x10000));
            }
        }
        return out.toString();
    }

    /** One to eight random byte edits, bit flips, truncations, extensions or boundary values. */
    public static byte[] mutate(byte[] bytes, Random random) {
        byte[] out = bytes.clone();
        int edits = 1 + random.nextInt(8);
        for (int e = 0; e < edits && out.length > 0; e++) {
            int at = random.nextInt(out.length);
            switch (random.nextInt(7)) {
                case 0 -> out[at] ^= (byte) (1 << random.nextInt(8));
                case 1 -> out[at] = (byte) random.nextInt(256);
                case 2 -> out[at] = (byte) (random.nextBoolean() ? 0 : 0xFF);
                case 3 -> out = java.util.Arrays.copyOf(out, at);
                case 4 -> {
                    byte[] longer = java.util.Arrays.copyOf(out, out.length + 1 + random.nextInt(64));
                    for (int i = out.length; i < longer.length; i++) {
                        longer[i] = (byte) random.nextInt(256);
                    }
                    out = longer;
                }
                case 5 -> {
                    // A 32-bit boundary value over four bytes: what hostile length fields look like.
                    int[] values = {0, 1, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, 0x7FFF, 0xFFFF, 16, 15, 1 << 20,
                        (1 << 20) + 1};
                    int value = values[random.nextInt(values.length)];
                    for (int i = 0; i < 4 && at + i < out.length; i++) {
                        out[at + i] = (byte) (value >>> (24 - 8 * i));
                    }
                }
                default -> {
                    int from = random.nextInt(out.length);
                    int length = Math.min(random.nextInt(16), Math.min(out.length - from, out.length - at));
                    System.arraycopy(out, from, out, at, length);
                }
            }
        }
        return out;
    }

    public static char pick(Random random, String alphabet) {
        return alphabet.charAt(random.nextInt(alphabet.length()));
    }
}
