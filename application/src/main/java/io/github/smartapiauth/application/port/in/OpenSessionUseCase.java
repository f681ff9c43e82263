package io.github.smartapiauth.application.port.in;

import io.github.smartapiauth.domain.session.Session;

/**
 * Log in now with the MPIN and a fresh TOTP code, replacing any session. Also the way back
 * after a logout or after bad credentials stopped automatic renewal.
 */
public interface OpenSessionUseCase {

    Session open(AccountCommand command);
}
