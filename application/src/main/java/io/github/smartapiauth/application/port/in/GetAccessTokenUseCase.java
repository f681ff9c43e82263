package io.github.smartapiauth.application.port.in;

import io.github.smartapiauth.domain.credential.ClientCode;
import io.github.smartapiauth.domain.session.Session;
import io.github.smartapiauth.domain.token.AccessToken;
import io.github.smartapiauth.domain.token.AccessTokenProvider;

/**
 * A valid access token, always: restored, refreshed or logged in as needed, with one
 * renewal per account however many threads ask.
 */
public interface GetAccessTokenUseCase {

    AccessToken accessToken(ClientCode account);

    /** The whole valid session (all three tokens), for the feed token or the expiry. */
    Session validSession(ClientCode account);

    /** A handle bound to one account, to skip the account look-up on hot paths. */
    AccountTokens forAccount(ClientCode account);

    /**
     * One account's valid tokens. {@link #accessToken()} is a lock-free read while the session
     * is fresh, and so is {@link #accessTokenAsync()}, which completes at once on the calling thread.
     */
    interface AccountTokens extends AccessTokenProvider {

        ClientCode account();

        @Override
        AccessToken accessToken();

        Session validSession();
    }
}
