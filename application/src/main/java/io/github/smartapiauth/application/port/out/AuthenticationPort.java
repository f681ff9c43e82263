package io.github.smartapiauth.application.port.out;

import io.github.smartapiauth.domain.credential.ApiKey;
import io.github.smartapiauth.domain.credential.ClientCode;
import io.github.smartapiauth.domain.credential.Credentials;
import io.github.smartapiauth.domain.credential.TotpCode;
import io.github.smartapiauth.domain.token.AccessToken;
import io.github.smartapiauth.domain.token.TokenSet;

/**
 * SmartAPI's session endpoints. Every method throws only the domain's
 * {@link io.github.smartapiauth.domain.error.SmartApiAuthException} family.
 */
public interface AuthenticationPort {

    /** {@code loginByPassword} with the MPIN and one TOTP code. Never retried by the adapter. */
    TokenSet login(Credentials credentials, TotpCode code);

    /**
     * {@code generateTokens}: new tokens from the refresh token, presenting the current
     * access token.
     *
     * @throws io.github.smartapiauth.domain.error.RefreshRejectedException when the broker
     *     refuses the refresh token; a login is needed
     */
    TokenSet refresh(ApiKey apiKey, TokenSet current);

    /** Ends the session on the broker's side. */
    void logout(ApiKey apiKey, ClientCode clientCode, AccessToken accessToken);
}
