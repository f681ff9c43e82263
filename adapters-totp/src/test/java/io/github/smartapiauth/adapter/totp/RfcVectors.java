package io.github.smartapiauth.adapter.totp;

import io.github.smartapiauth.domain.credential.TotpSecret;
import java.nio.charset.StandardCharsets;

/** The RFC 4226 / RFC 6238 seeds; each RFC 6238 mode has its own. */
final class RfcVectors {

    static final String SHA1_SEED = "12345678901234567890";
    static final String SHA256_SEED = "12345678901234567890123456789012";
    static final String SHA512_SEED = "1234567890123456789012345678901234567890123456789012345678901234";

    private RfcVectors() {
    }

    static TotpSecret secret(String ascii) {
        return TotpSecret.of(ascii.getBytes(StandardCharsets.US_ASCII));
    }

    static TotpSecret seedFor(TotpAlgorithm algorithm) {
        return switch (algorithm) {
            case SHA1 -> secret(SHA1_SEED);
            case SHA256 -> secret(SHA256_SEED);
            case SHA512 -> secret(SHA512_SEED);
        };
    }
}
