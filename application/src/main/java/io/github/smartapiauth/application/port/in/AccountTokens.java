package io.github.smartapiauth.application.port.in;

import io.github.smartapiauth.domain.credential.ClientCode;
import io.github.smartapiauth.domain.session.Session;
import io.github.smartapiauth.domain.token.AccessToken;

/**
 * One account's valid tokens. {@link #accessToken()} is a lock-free read while the session is
 * fresh.
 */
public interface AccountTokens {

    ClientCode account();

    AccessToken accessToken();

    Session validSession();
}
