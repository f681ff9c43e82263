package io.github.smartapiauth.application.port.in;

import io.github.smartapiauth.domain.credential.ClientCode;
import io.github.smartapiauth.domain.token.AccessToken;
import java.util.Objects;

/** A platform's own SmartAPI call got AG8001/AG8002 with this token. */
public record RejectedTokenReport(ClientCode account, AccessToken rejectedToken) {

    public RejectedTokenReport {
        Objects.requireNonNull(account, "the account's client code is required");
        Objects.requireNonNull(rejectedToken, "the rejected token is required");
    }
}
