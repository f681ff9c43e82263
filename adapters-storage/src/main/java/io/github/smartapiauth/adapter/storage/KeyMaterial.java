package io.github.smartapiauth.adapter.storage;

import java.security.SecureRandom;

/** Where vault keys come from: a passphrase (through Argon2id) or a key file. */
sealed interface KeyMaterial permits PassphraseKey, KeyFileKey {

    /** The KDF record for a new vault key, e.g. with a fresh salt. */
    KdfSpec newSpec(SecureRandom random);

    /**
     * The 32-byte key for a vault whose header says {@code spec}; the caller wipes it.
     *
     * @throws VaultException of kind KEY when this material cannot make a key of that kind
     */
    byte[] derive(KdfSpec spec);

    /** Whether a key of {@code spec} is as strong as new ones would be, so it may encrypt new writes. */
    boolean writesWith(KdfSpec spec);

    /** For messages, e.g. "a passphrase (Argon2id m=65536 KiB, t=3, p=4)"; never a secret. */
    String describe();

    void wipe();
}
