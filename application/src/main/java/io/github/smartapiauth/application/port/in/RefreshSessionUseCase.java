package io.github.smartapiauth.application.port.in;

import io.github.smartapiauth.domain.session.Session;

/** Refresh now (falling back to a login when the broker refuses the refresh token). */
public interface RefreshSessionUseCase {

    Session refresh(AccountCommand command);
}
