package io.github.smartapiauth.application.port.in;

import io.github.smartapiauth.domain.credential.ClientCode;
import java.util.Objects;

/** A request about one account: open, refresh, log out or fetch its profile. */
public record AccountCommand(ClientCode account) {

    public AccountCommand {
        Objects.requireNonNull(account, "the account's client code is required");
    }

    public static AccountCommand of(ClientCode account) {
        return new AccountCommand(account);
    }
}
