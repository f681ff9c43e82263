package io.github.smartapiauth.domain.credential;

import io.github.smartapiauth.domain.secret.Secret;

/** The SmartAPI app's private key, sent as {@code X-PrivateKey}. */
public final class ApiKey extends Secret {

    static final int MAX_LENGTH = 128;

    private ApiKey(char[] value) {
        super(value);
    }

    /**
     * @throws IllegalArgumentException when blank, longer than 128 characters, or containing
     *     anything but printable ASCII without spaces; the message never shows the key
     */
    public static ApiKey of(CharSequence value) {
        return new ApiKey(Text.validated(value, "the API key", MAX_LENGTH,
                c -> c > 0x20 && c < 0x7f,
                "printable ASCII without spaces (copy it from the SmartAPI apps page)"));
    }

    @Override
    protected String kind() {
        return "the API key";
    }
}
