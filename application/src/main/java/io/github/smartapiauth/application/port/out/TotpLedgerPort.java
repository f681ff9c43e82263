package io.github.smartapiauth.application.port.out;

import io.github.smartapiauth.domain.credential.ClientCode;
import java.time.Instant;
import java.util.Optional;

/**
 * When an account's last TOTP code was sent, remembered beside its session so that a second process
 * never sends a code the first one spent: it waits for the next step instead. Read and written
 * by a login under the account's lease. An adapter that cannot read or write it says nothing: the
 * process's own memory of the spent step still holds.
 */
public interface TotpLedgerPort {

    /** The instant the last code for {@code account} was sent, if remembered. */
    Optional<Instant> lastSent(ClientCode account);

    /** Remembers that a code for {@code account} was sent at {@code at}. */
    void sent(ClientCode account, Instant at);

    /** Remembers nothing beyond the process (its renewal's own memory of the spent step). */
    static TotpLedgerPort none() {
        return new TotpLedgerPort() {
            @Override
            public Optional<Instant> lastSent(ClientCode account) {
                return Optional.empty();
            }

            @Override
            public void sent(ClientCode account, Instant at) {
                // nothing beyond the process
            }
        };
    }
}
