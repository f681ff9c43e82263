package io.github.smartapiauth.adapter.http;

import java.io.IOException;

/** An answer's body went past the cap; its connection was closed without reading the rest. */
final class BodyTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    BodyTooLargeException(int cap) {
        super("the answer's body is larger than " + cap + " bytes; the rest was not read");
    }
}
