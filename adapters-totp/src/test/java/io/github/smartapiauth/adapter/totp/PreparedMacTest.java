package io.github.smartapiauth.adapter.totp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.smartapiauth.domain.credential.TotpSecret;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PreparedMacTest {

    static IntStream seeds() {
        return IntStream.rangeClosed(1, 20);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void matchesAFreshlyKeyedMacForRandomKeysAndCounters(int seed) throws Exception {
        Random random = new Random(seed);
        TotpAlgorithm algorithm = TotpAlgorithm.values()[random.nextInt(3)];
        // 10..128 bytes: covers keys longer than the HMAC block, which the HMAC hashes first.
        byte[] key = new byte[10 + random.nextInt(119)];
        random.nextBytes(key);
        try (PreparedMac cloning = PreparedMac.of(algorithm.macName(), key.clone());
                PreparedMac notCloning = PreparedMac.withoutCloning(algorithm.macName(), key.clone())) {
            for (int i = 0; i < 5; i++) {
                long counter = random.nextLong();
                byte[] expected = referenceHmac(algorithm, key, counter);
                assertThat(hmac(cloning, counter)).as("%s, cloned Mac", algorithm).isEqualTo(expected);
                assertThat(hmac(notCloning, counter)).as("%s, new Mac from the provider", algorithm).isEqualTo(expected);
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void generatorMatchesAStraightforwardHotp(int seed) throws Exception {
        Random random = new Random(seed);
        TotpAlgorithm algorithm = TotpAlgorithm.values()[random.nextInt(3)];
        int digits = 6 + random.nextInt(3);
        byte[] key = new byte[10 + random.nextInt(119)];
        random.nextBytes(key);
        try (TotpGenerator generator = TotpGenerator.of(TotpSecret.of(key), TotpParameters.of(algorithm, digits, 30))) {
            for (int i = 0; i < 5; i++) {
                long counter = random.nextLong();
                byte[] h = referenceHmac(algorithm, key, counter);
                int offset = h[h.length - 1] & 0xf;
                int binary = ByteBuffer.wrap(h, offset, 4).getInt() & 0x7fffffff;
                String expected = String.format(java.util.Locale.ROOT, "%0" + digits + "d",
                        binary % (int) Math.pow(10, digits));
                assertThat(generator.codeForCounter(counter).reveal()).isEqualTo(expected);
            }
        }
    }

    @Test
    void closeWipesTheKeyAndRefusesLaterUse() {
        byte[] key = "12345678901234567890".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        PreparedMac mac = PreparedMac.of("HmacSHA1", key);
        hmac(mac, 1);
        mac.close();
        assertThat(key).containsOnly(0);
        assertThat(mac.isClosed()).isTrue();
        assertThatThrownBy(() -> hmac(mac, 1)).isInstanceOf(IllegalStateException.class)
                .hasMessage("the TOTP generator was closed and its key wiped; create a new one");
    }

    private static byte[] hmac(PreparedMac mac, long counter) {
        byte[] out = new byte[Math.max(8, mac.macLength())];
        mac.hmacOfCounter(counter, out);
        return Arrays.copyOf(out, mac.macLength());
    }

    private static byte[] referenceHmac(TotpAlgorithm algorithm, byte[] key, long counter) throws Exception {
        Mac mac = Mac.getInstance(algorithm.macName());
        mac.init(new SecretKeySpec(key, algorithm.macName()));
        return mac.doFinal(ByteBuffer.allocate(8).putLong(counter).array());
    }
}
