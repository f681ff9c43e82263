package io.github.smartapiauth.adapter.storage;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys of one store: derived once per salt and kept for the life of the process, so a
 * read costs no Argon2id run. New writes reuse one key (the one read from disk when it is as
 * strong as configured, else one with a fresh salt), so one derivation per process covers
 * every account's file.
 */
final class KeyRing {

    /** A key with its header record and key id. */
    record Key(KdfSpec spec, byte[] bytes, byte[] id) {
    }

    /** Salts from other processes' writes; bounded so that many files cannot grow it without limit. */
    private static final int CACHED_KEYS = 8;
    private static final byte[] KEY_ID_LABEL = "smartapi-auth vault key id v1".getBytes(StandardCharsets.US_ASCII);

    private final KeyMaterial material;
    private final SecureRandom random;
    private final Map<KdfSpec, Key> cache = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<KdfSpec, Key> eldest) {
            return size() > CACHED_KEYS && eldest.getValue() != writeKey;
        }
    };
    private Key writeKey;
    private int derivations;
    private boolean wiped;

    KeyRing(KeyMaterial material, SecureRandom random) {
        this.material = material;
        this.random = random;
    }

    /** The key for a header's KDF record, derived on first use. */
    synchronized Key keyFor(KdfSpec spec) {
        if (wiped) {
            throw new IllegalStateException("the vault store was closed; its passphrase and keys are wiped");
        }
        Key key = cache.get(spec);
        if (key == null) {
            key = derive(spec);
            cache.put(spec, key);
        }
        return key;
    }

    /** The key for new writes. */
    synchronized Key forWrite() {
        if (writeKey == null) {
            writeKey = keyFor(material.newSpec(random));
        }
        return writeKey;
    }

    /** Reuses a key that opened a file for new writes, when it is as strong as configured. */
    synchronized void offerForWrite(Key key) {
        if (writeKey == null && material.writesWith(key.spec())) {
            writeKey = key;
        }
    }

    synchronized int derivations() {
        return derivations;
    }

    String describe() {
        return material.describe();
    }

    synchronized void wipe() {
        cache.values().forEach(key -> Arrays.fill(key.bytes(), (byte) 0));
        cache.clear();
        writeKey = null;
        wiped = true;
        material.wipe();
    }

    private Key derive(KdfSpec spec) {
        byte[] bytes = material.derive(spec);
        derivations++;
        return new Key(spec, bytes, keyId(bytes));
    }

    /** Tells a wrong key from a damaged file without a decryption; reveals nothing usable about the key. */
    static byte[] keyId(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Arrays.copyOf(mac.doFinal(KEY_ID_LABEL), VaultHeader.KEY_ID_LENGTH);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this JDK", e);
        }
    }
}
