package io.github.smartapiauth.application.port.out;

import io.github.smartapiauth.domain.credential.ClientCode;
import io.github.smartapiauth.domain.credential.TotpCode;
import java.time.Instant;

/** Where the TOTP code for a login comes from: generated from the secret, or typed in by a person. */
public interface OneTimePasswordPort {

    /**
     * The code for {@code account} valid at {@code instant}. The caller sends it once and
     * wipes it.
     *
     * @throws io.github.smartapiauth.domain.error.ConfigurationException when there is no
     *     TOTP source for the account
     */
    TotpCode codeAt(ClientCode account, Instant instant);
}
