package io.github.smartapiauth.application.port.in;

import io.github.smartapiauth.domain.credential.ClientCode;

/**
 * Another process sharing the session store renewed an account's session (a shared store's
 * adapter announces it): take up the stored session when it is newer than the one in memory and
 * still valid, so this process stops handing out the token that was replaced. Never calls the
 * broker and never takes the lease; when the store cannot be read, the session in memory stays.
 */
public interface AdoptStoredSessionUseCase {

    /** @return whether a newer stored session replaced the one in memory */
    boolean adoptStoredSession(ClientCode account);
}
