package io.github.smartapiauth.domain.credential;

import java.util.Objects;

/**
 * What logs an account in, apart from the one-time code: the app's API key, the client code
 * and the MPIN. The TOTP code comes from a separate source at login time.
 */
public record Credentials(ApiKey apiKey, ClientCode clientCode, Pin pin) {

    public Credentials {
        Objects.requireNonNull(apiKey, "apiKey is required");
        Objects.requireNonNull(clientCode, "clientCode is required");
        Objects.requireNonNull(pin, "pin is required");
    }

    /** Wipes the API key and MPIN. */
    public void wipe() {
        apiKey.wipe();
        pin.wipe();
    }

    @Override
    public String toString() {
        return "Credentials[clientCode=" + clientCode + ", apiKey=redacted, pin=redacted]";
    }
}
