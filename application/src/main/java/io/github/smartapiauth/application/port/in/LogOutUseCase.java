package io.github.smartapiauth.application.port.in;

/**
 * End the session: the broker is told, and the session is forgotten in memory and in the
 * store even when the broker cannot be reached. No automatic login follows until the
 * account is opened again.
 */
public interface LogOutUseCase {

    LogoutResult logOut(AccountCommand command);
}
