package io.github.smartapiauth.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.smartapiauth.adapter.totp.KeyUriImporter;
import io.github.smartapiauth.adapter.totp.TotpKey;
import io.github.smartapiauth.domain.error.ConfigurationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * KeyUriImporter.importKey on seeded valid key URIs, their mutations and random text: a key or a
 * ConfigurationException, nothing else, no hang, and never the secret (or 12 characters of it)
 * in a message or in the key's toString().
 */
@Order(21)
class KeyUriFuzzTest {

    private static final String URI_NOISE = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567abcxyz0189=&?#/:%+-_. \u00e9\u0130\ud800";
    private static final String[] PARAMETERS = {"issuer=Angel%20One", "algorithm=SHA1", "algorithm=sha256",
        "algorithm=SHA512", "algorithm=MD5", "digits=6", "digits=8", "digits=5", "digits=", "period=30", "period=0",
        "period=-30", "period=999999999", "period=9999999999", "image=https%3A%2F%2Fx", "secret=", "digits=%36"};

    @Test
    void importsAKeyOrThrowsAConfigurationErrorThatQuotesNoSecret() {
        int cases = Fuzz.cases();
        Random random = new Random(Fuzz.SEED + 7);
        List<String> undeclared = new ArrayList<>();
        int[] outcome = new int[2];
        Fuzz.inBatches(cases, Duration.ofSeconds(20), i -> {
            byte[] key = new byte[10 + random.nextInt(60)];
            random.nextBytes(key);
            String secret = Base32FuzzTest.encode(key, random.nextBoolean());
            String valid = validUri(secret, random, i % 5 != 0);
            String input = switch (i % 5) {
                case 0 -> valid;
                case 1, 2, 3 -> Fuzz.mutate(valid, random, URI_NOISE);
                default -> Fuzz.mutate(Fuzz.mutate(valid, random, URI_NOISE), random, URI_NOISE);
            };
            try {
                TotpKey imported = KeyUriImporter.importKey(input);
                outcome[0]++;
                String shown = imported.toString();
                if (leaks(shown, secret)) {
                    undeclared.add("case " + i + ": toString() shows the secret");
                }
            } catch (ConfigurationException declared) {
                outcome[1]++;
                StringBuilder messages = new StringBuilder();
                for (Throwable t = declared; t != null; t = t.getCause()) {
                    messages.append(t.getMessage()).append('\n');
                }
                if (leaks(messages.toString(), secret)) {
                    undeclared.add("case " + i + ": the message quotes the secret: " + declared.getMessage());
                }
                if (i % 5 == 0) {
                    undeclared.add("case " + i + ": a valid URI was refused: " + declared.getMessage());
                }
            } catch (RuntimeException | Error other) {
                undeclared.add("case " + i + ": " + other);
            }
        });
        ReportSections.write(22, "- KeyUriImporter.importKey: **" + cases + "** inputs (seed " + (Fuzz.SEED + 7) + "), "
                + outcome[0] + " imported, " + outcome[1] + " ConfigurationException, " + undeclared.size()
                + " undeclared outcomes or leaks\n");
        assertThat(undeclared).isEmpty();
    }

    private static String validUri(String secret, Random random, boolean extras) {
        StringBuilder uri = new StringBuilder(random.nextBoolean() ? "otpauth://totp/" : "OTPAUTH://TOTP/");
        uri.append(random.nextBoolean() ? "Angel%20One:" : "").append("R7700123?");
        List<String> parameters = new ArrayList<>();
        parameters.add("secret=" + (random.nextInt(8) == 0 ? secret.replace("A", "%41") : secret));
        if (random.nextBoolean()) {
            parameters.add("issuer=Angel%20One");
        }
        if (random.nextBoolean()) {
            parameters.add("digits=6");
        }
        if (random.nextBoolean()) {
            parameters.add("period=30");
        }
        java.util.Collections.shuffle(parameters, random);
        uri.append(String.join("&", parameters));
        if (extras && random.nextInt(4) == 0) {
            // A further parameter, often a wrong one: mutation material.
            return uri + "&" + PARAMETERS[random.nextInt(PARAMETERS.length)].replace("secret=", "image=");
        }
        return uri.toString();
    }

    /** The secret, or any 12 characters of it, in the text. */
    static boolean leaks(String text, String secret) {
        String bare = secret.replace("=", "");
        for (int i = 0; i + 12 <= bare.length(); i++) {
            String window = bare.substring(i, i + 12);
            if (text.contains(window) || text.contains(window.toLowerCase(java.util.Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }
}
