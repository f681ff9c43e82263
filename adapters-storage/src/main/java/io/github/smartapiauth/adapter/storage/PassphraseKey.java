package io.github.smartapiauth.adapter.storage;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;

/** A passphrase held as a wipeable {@code char[]}, turned into keys with Argon2id. */
final class PassphraseKey implements KeyMaterial {

    private final char[] passphrase;
    private final Argon2idParameters cost;

    /** Copies {@code passphrase}; the caller may wipe its array. */
    PassphraseKey(char[] passphrase, Argon2idParameters cost) {
        if (passphrase.length == 0) {
            throw new IllegalArgumentException("the vault passphrase is empty; choose a long one");
        }
        this.passphrase = passphrase.clone();
        this.cost = cost;
        byte[] check = utf8();
        Arrays.fill(check, (byte) 0);
    }

    @Override
    public KdfSpec newSpec(SecureRandom random) {
        byte[] salt = new byte[KdfSpec.SALT_LENGTH];
        random.nextBytes(salt);
        return new KdfSpec.Argon2id(cost, salt);
    }

    @Override
    public byte[] derive(KdfSpec spec) {
        if (!(spec instanceof KdfSpec.Argon2id argon)) {
            throw new VaultException(VaultException.Kind.KEY,
                    "it was encrypted with a key file, and this store is configured with a passphrase");
        }
        byte[] password = utf8();
        try {
            return Argon2id.deriveKey(password, argon);
        } finally {
            Arrays.fill(password, (byte) 0);
        }
    }

    @Override
    public boolean writesWith(KdfSpec spec) {
        return spec instanceof KdfSpec.Argon2id argon && argon.parameters().atLeast(cost);
    }

    @Override
    public String describe() {
        return "a passphrase (Argon2id m=" + cost.memoryKiB() + " KiB, t=" + cost.iterations() + ", p="
                + cost.parallelism() + ")";
    }

    @Override
    public synchronized void wipe() {
        Arrays.fill(passphrase, '\0');
    }

    /** The UTF-8 bytes, without a {@code String} in between; the caller wipes them. */
    private synchronized byte[] utf8() {
        CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer encoded;
        try {
            encoded = encoder.encode(CharBuffer.wrap(passphrase));
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the vault passphrase has a character that is not valid Unicode"
                    + " (an unpaired surrogate)");
        }
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        Arrays.fill(encoded.array(), (byte) 0);
        return bytes;
    }
}
