package io.github.smartapiauth.adapter.storage;

import java.io.IOException;

/** A vault directory or file that smartapi-auth refuses to use; the message names it and the fix. */
final class UnsafePathException extends IOException {

    private static final long serialVersionUID = 1L;

    UnsafePathException(String message) {
        super(message);
    }
}
