package io.github.smartapiauth.application.port.out;

import io.github.smartapiauth.domain.credential.Credentials;
import io.github.smartapiauth.domain.credential.TotpCode;
import io.github.smartapiauth.domain.token.AccessToken;
import io.github.smartapiauth.domain.token.TokenSet;

/**
 * SmartAPI's session endpoints. Every method throws only the domain's
 * {@link io.github.smartapiauth.domain.error.SmartApiAuthException} family.
 *
 * <p>Every method takes the account's {@link Credentials} first: SmartAPI identifies a call by
 * the API key and the client code, and applies its per-second limits per client code, so an
 * adapter takes both from the account itself (never from a token's claims). The broker ports
 * ({@code AuthenticationPort}, {@link ProfilePort}) take the account's credentials; the local
 * ports ({@link SessionStorePort}, {@link SessionLeasePort}, {@link OneTimePasswordPort}) take
 * only its {@link io.github.smartapiauth.domain.credential.ClientCode}, which is all they need.
 */
public interface AuthenticationPort {

    /** {@code loginByPassword} with the MPIN and one TOTP code. Never retried by the adapter. */
    TokenSet login(Credentials credentials, TotpCode code);

    /**
     * {@code generateTokens}: new tokens from the refresh token, presenting the current
     * access token, for {@code account} (its API key, paced by its client code).
     *
     * @throws io.github.smartapiauth.domain.error.RefreshRejectedException when the broker
     *     refuses the refresh token; a login is needed
     */
    TokenSet refresh(Credentials account, TokenSet current);

    /** Ends the session on the broker's side ({@code logout} with the account's client code). */
    void logout(Credentials account, AccessToken accessToken);
}
