package io.github.smartapiauth.application.port.in;

import io.github.smartapiauth.domain.credential.ClientCode;

/** Who is logged in, since when, for how long, and where it is stored; never touches the network. */
public interface GetSessionStatusUseCase {

    SessionStatus status(ClientCode account);
}
