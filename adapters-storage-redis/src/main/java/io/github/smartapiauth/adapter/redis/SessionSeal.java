package io.github.smartapiauth.adapter.redis;

import io.github.smartapiauth.domain.session.Session;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals a session with AES-256-GCM before it reaches Redis, and opens it again. The header
 * (magic, version, algorithm, key id, nonce) and the Redis key name are the additional
 * authenticated data, so a value moved to another account's key, or with any bit of its header
 * changed, does not open. Layout in {@code docs/redis-format.md}.
 */
final class SessionSeal implements AutoCloseable {

    static final byte[] MAGIC = {'S', 'A', 'R', 'S'};
    static final int VERSION = 1;
    static final int AES_256_GCM = 1;
    static final int KEY_LENGTH = 32;
    static final int KEY_ID_LENGTH = 8;
    static final int NONCE_LENGTH = 12;
    static final int TAG_BITS = 128;
    static final int HEADER_LENGTH = MAGIC.length + 2 + KEY_ID_LENGTH + NONCE_LENGTH;

    /** The ring: the current key first (it seals), then older keys (they only open). */
    private final List<byte[]> keys;
    private final List<byte[]> keyIds;
    private final SecureRandom random = new SecureRandom();

    SessionSeal(byte[] key) {
        this(List.of(key));
    }

    SessionSeal(List<byte[]> ring) {
        if (ring.isEmpty()) {
            throw new IllegalArgumentException("the Redis key ring is empty");
        }
        List<byte[]> copies = new ArrayList<>();
        List<byte[]> ids = new ArrayList<>();
        for (byte[] key : ring) {
            if (key.length != KEY_LENGTH) {
                throw new IllegalArgumentException("the Redis session key must be 32 bytes, not " + key.length);
            }
            byte[] id = keyIdOf(key);
            if (ids.stream().anyMatch(known -> Arrays.equals(known, id))) {
                throw new IllegalArgumentException("the Redis key ring holds the same key twice");
            }
            copies.add(key.clone());
            ids.add(id);
        }
        this.keys = List.copyOf(copies);
        this.keyIds = List.copyOf(ids);
    }

    /** The first 8 bytes of SHA-256("smartapi-auth redis key id v1" || key): tells a wrong key from tampering. */
    static byte[] keyIdOf(byte[] key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("smartapi-auth redis key id v1".getBytes(StandardCharsets.US_ASCII));
            return Arrays.copyOf(sha.digest(key), KEY_ID_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no SHA-256", e);
        }
    }

    byte[] seal(Session session, String redisKey) {
        byte[] nonce = new byte[NONCE_LENGTH];
        random.nextBytes(nonce);
        byte[] header = ByteBuffer.allocate(HEADER_LENGTH).put(MAGIC).put((byte) VERSION).put((byte) AES_256_GCM)
                .put(keyIds.get(0)).put(nonce).array();
        byte[] plaintext = SessionRecord.encode(session);
        try {
            Cipher cipher = cipher(keys.get(0), Cipher.ENCRYPT_MODE, nonce);
            cipher.updateAAD(header);
            cipher.updateAAD(redisKey.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(header.length + sealed.length).put(header).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM failed: " + e.getClass().getSimpleName(), e);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    /** @throws SealException when the value cannot be opened with this key for this Redis key */
    Session open(byte[] value, String redisKey) {
        if (value.length < HEADER_LENGTH + TAG_BITS / 8
                || !Arrays.equals(value, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new SealException("it is not a smartapi-auth sealed session");
        }
        if (value[MAGIC.length] != VERSION || value[MAGIC.length + 1] != AES_256_GCM) {
            throw new SealException("it is in format version " + value[MAGIC.length] + " with algorithm "
                    + value[MAGIC.length + 1] + "; this version of smartapi-auth reads version " + VERSION
                    + " with AES-256-GCM");
        }
        int keyIdAt = MAGIC.length + 2;
        byte[] valueKeyId = Arrays.copyOfRange(value, keyIdAt, keyIdAt + KEY_ID_LENGTH);
        byte[] key = null;
        for (int i = 0; i < keys.size() && key == null; i++) {
            if (MessageDigest.isEqual(valueKeyId, keyIds.get(i))) {
                key = keys.get(i);
            }
        }
        if (key == null) {
            throw new SealException("it was sealed with another key: its key id matches none of this process's keys"
                    + " (its key ring); every process sharing the Redis store needs the key that sealed it");
        }
        byte[] nonce = Arrays.copyOfRange(value, keyIdAt + KEY_ID_LENGTH, HEADER_LENGTH);
        byte[] plaintext = null;
        try {
            Cipher cipher = cipher(key, Cipher.DECRYPT_MODE, nonce);
            cipher.updateAAD(value, 0, HEADER_LENGTH);
            cipher.updateAAD(redisKey.getBytes(StandardCharsets.UTF_8));
            plaintext = cipher.doFinal(value, HEADER_LENGTH, value.length - HEADER_LENGTH);
            return SessionRecord.decode(plaintext);
        } catch (AEADBadTagException e) {
            throw new SealException("it fails authentication: it was altered, or moved from another Redis key");
        } catch (GeneralSecurityException e) {
            throw new SealException("AES-256-GCM failed: " + e.getClass().getSimpleName());
        } catch (IllegalArgumentException e) {
            throw new SealException(e.getMessage());
        } finally {
            if (plaintext != null) {
                Arrays.fill(plaintext, (byte) 0);
            }
        }
    }

    private static Cipher cipher(byte[] key, int mode, byte[] nonce) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        return cipher;
    }

    /** Wipes this object's copies of the keys. */
    @Override
    public void close() {
        keys.forEach(key -> Arrays.fill(key, (byte) 0));
    }

    /** Why a stored value could not be opened; never carries a secret. */
    static final class SealException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SealException(String message) {
            super(message);
        }
    }
}
