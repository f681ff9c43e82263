package io.github.smartapiauth.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** An account with its TOTP replay memory. */
final class AccountState {

    private final SandboxAccount account;
    private final TotpCheck totp;

    AccountState(SandboxAccount account) {
        this.account = account;
        this.totp = new TotpCheck(account.totpSecret());
    }

    SandboxAccount account() {
        return account;
    }

    String clientCode() {
        return account.clientCode();
    }

    TotpCheck totp() {
        return totp;
    }

    boolean mpinMatches(String offered) {
        return MessageDigest.isEqual(account.mpin().getBytes(StandardCharsets.UTF_8),
                offered.getBytes(StandardCharsets.UTF_8));
    }
}
