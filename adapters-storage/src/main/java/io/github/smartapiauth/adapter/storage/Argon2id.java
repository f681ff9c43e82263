package io.github.smartapiauth.adapter.storage;

import java.util.Arrays;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/** Argon2id v1.3 over Bouncy Castle, with every parameter set explicitly. */
final class Argon2id {

    static final int KEY_LENGTH = 32;

    private Argon2id() {
    }

    /**
     * BC's builder defaults to Argon2i with 4 MiB: the type, version and every cost are set
     * here so that nothing falls back to those defaults.
     */
    static Argon2Parameters.Builder parameters(Argon2idParameters cost, byte[] salt) {
        return new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(cost.memoryKiB())
                .withIterations(cost.iterations())
                .withParallelism(cost.parallelism())
                .withSalt(salt);
    }

    static byte[] derive(Argon2Parameters parameters, byte[] password, int length) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] out = new byte[length];
        generator.generateBytes(password, out);
        return out;
    }

    /** A 32-byte key from the UTF-8 bytes of a passphrase; the caller wipes both arrays. */
    static byte[] deriveKey(byte[] passphraseUtf8, KdfSpec.Argon2id spec) {
        byte[] salt = spec.salt();
        try {
            return derive(parameters(spec.parameters(), salt).build(), passphraseUtf8, KEY_LENGTH);
        } finally {
            Arrays.fill(salt, (byte) 0);
        }
    }
}
