package io.github.smartapiauth.adapter.storage;

/**
 * Why the bytes of a vault could not be opened, before the store turns it into a
 * {@code SessionStoreException} that names the file. Never carries a secret.
 */
final class VaultException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The likely cause, for the message and for tests. */
    enum Kind { EMPTY, FOREIGN, UNSUPPORTED, HOSTILE_KDF, MALFORMED, TRUNCATED, WRONG_KEY, AUTHENTICATION, CONTENT, KEY }

    private final Kind kind;

    VaultException(Kind kind, String message) {
        this(kind, message, null);
    }

    VaultException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    Kind kind() {
        return kind;
    }
}
