package io.github.smartapiauth.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.smartapiauth.adapter.totp.Base32Decoder;
import io.github.smartapiauth.domain.error.ConfigurationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Base32Decoder.decode on seeded random and mutated inputs: it returns the bytes an RFC 4648
 * encoder wrote (checked against an independent encoder) or throws ConfigurationException whose
 * message quotes nothing of the input; nothing else, no hang.
 */
@Order(20)
class Base32FuzzTest {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final String NOISE = ALPHABET + "abcdefghijklmnopqrstuvwxyz0189=- \t\n_/+.%\u00e9\u0130\u0131\u00a0\ud83d";

    @Test
    void decodesWhatAnEncoderWroteAndRejectsEverythingElseWithAConfigurationError() {
        int cases = Fuzz.cases();
        Random random = new Random(Fuzz.SEED);
        List<String> undeclared = new ArrayList<>();
        int[] outcome = new int[2];
        Fuzz.inBatches(cases, Duration.ofSeconds(20), i -> {
            byte[] original = new byte[random.nextInt(70)];
            random.nextBytes(original);
            String encoded = encode(original, random.nextBoolean());
            String input = switch (i % 4) {
                case 0 -> grouped(random.nextBoolean() ? encoded : encoded.toLowerCase(java.util.Locale.ROOT), random);
                case 1, 2 -> Fuzz.mutate(encoded, random, NOISE);
                default -> randomText(random);
            };
            try {
                byte[] decoded = Base32Decoder.decode(input);
                outcome[0]++;
                if (i % 4 == 0 && !Arrays.equals(decoded, original)) {
                    undeclared.add("case " + i + ": decoded wrongly");
                }
            } catch (ConfigurationException declared) {
                outcome[1]++;
                if (input.length() >= 12 && declared.getMessage().contains(input.strip())) {
                    undeclared.add("case " + i + ": the message quotes the input");
                }
            } catch (RuntimeException | Error other) {
                undeclared.add("case " + i + ": " + other);
            }
        });
        ReportSections.write(21, "- Base32Decoder.decode: **" + cases + "** inputs (seed " + Fuzz.SEED + "), "
                + outcome[0] + " decoded, " + outcome[1] + " ConfigurationException, " + undeclared.size()
                + " undeclared outcomes\n");
        assertThat(undeclared).isEmpty();
    }

    @Test
    void everyGroupingOfAValidSecretDecodesToItsBytes() {
        Random random = new Random(Fuzz.SEED + 1);
        for (int i = 0; i < 2000; i++) {
            byte[] original = new byte[1 + random.nextInt(64)];
            random.nextBytes(original);
            String input = grouped(encode(original, random.nextBoolean()), random);
            assertThat(Base32Decoder.decode(random.nextBoolean() ? input : input.toLowerCase(java.util.Locale.ROOT)))
                    .as(input).isEqualTo(original);
        }
    }

    /** RFC 4648 base32, written independently of the decoder under test. */
    static String encode(byte[] data, boolean pad) {
        StringBuilder out = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : data) {
            buffer = (buffer << 8) | (b & 0xFF);
            bits += 8;
            while (bits >= 5) {
                out.append(ALPHABET.charAt((buffer >>> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
        }
        while (pad && out.length() % 8 != 0) {
            out.append('=');
        }
        return out.toString();
    }

    /** Spaces or hyphens between groups, as people paste secrets. */
    private static String grouped(String text, Random random) {
        StringBuilder out = new StringBuilder();
        int group = 2 + random.nextInt(6);
        char separator = random.nextBoolean() ? ' ' : '-';
        for (int i = 0; i < text.length(); i++) {
            if (i > 0 && i % group == 0 && text.charAt(i) != '=') {
                out.append(separator);
            }
            out.append(text.charAt(i));
        }
        return out.toString();
    }

    private static String randomText(Random random) {
        int length = random.nextInt(20) == 0 ? 10_000 + random.nextInt(50_000) : random.nextInt(120);
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(random.nextInt(10) == 0 ? (char) random.nextInt(0x10000) : Fuzz.pick(random, NOISE));
        }
        return out.toString();
    }
}
