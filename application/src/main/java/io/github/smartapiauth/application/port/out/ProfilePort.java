package io.github.smartapiauth.application.port.out;

import io.github.smartapiauth.domain.credential.Credentials;
import io.github.smartapiauth.domain.profile.Profile;
import io.github.smartapiauth.domain.token.AccessToken;

/**
 * SmartAPI's {@code getProfile}. Takes the account's {@link Credentials} like
 * {@link AuthenticationPort}: the API key to send and the client code to pace by.
 */
public interface ProfilePort {

    /**
     * @throws io.github.smartapiauth.domain.error.SessionExpiredException when the broker
     *     rejects the token (AG8001/AG8002/AG8003)
     */
    Profile profile(Credentials account, AccessToken accessToken);
}
