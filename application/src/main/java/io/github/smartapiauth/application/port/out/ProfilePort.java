package io.github.smartapiauth.application.port.out;

import io.github.smartapiauth.domain.credential.ApiKey;
import io.github.smartapiauth.domain.profile.Profile;
import io.github.smartapiauth.domain.token.AccessToken;

/** SmartAPI's {@code getProfile}. */
public interface ProfilePort {

    /**
     * @throws io.github.smartapiauth.domain.error.SessionExpiredException when the broker
     *     rejects the token (AG8001/AG8002/AG8003)
     */
    Profile profile(ApiKey apiKey, AccessToken accessToken);
}
