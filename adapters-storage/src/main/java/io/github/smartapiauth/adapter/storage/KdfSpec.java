package io.github.smartapiauth.adapter.storage;

import java.util.Arrays;
import java.util.HexFormat;

/** How a vault's key was obtained, as recorded in its header. */
sealed interface KdfSpec {

    int SALT_LENGTH = 16;

    /** The header's KDF id. */
    int id();

    /** The key was read from a 32-byte key file; the header carries no KDF parameters. */
    record KeyFile() implements KdfSpec {
        static final int ID = 0;

        @Override
        public int id() {
            return ID;
        }
    }

    /** The key was derived from a passphrase with Argon2id v1.3 and this salt. */
    record Argon2id(Argon2idParameters parameters, byte[] salt) implements KdfSpec {
        static final int ID = 1;

        public Argon2id {
            if (salt.length != SALT_LENGTH) {
                throw new IllegalArgumentException("the salt has " + salt.length + " bytes; expected " + SALT_LENGTH);
            }
            salt = salt.clone();
        }

        @Override
        public byte[] salt() {
            return salt.clone();
        }

        @Override
        public int id() {
            return ID;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Argon2id that && parameters.equals(that.parameters) && Arrays.equals(salt, that.salt);
        }

        @Override
        public int hashCode() {
            return parameters.hashCode() * 31 + Arrays.hashCode(salt);
        }

        @Override
        public String toString() {
            return "Argon2id[" + parameters + ", salt=" + HexFormat.of().formatHex(salt) + "]";
        }
    }
}
