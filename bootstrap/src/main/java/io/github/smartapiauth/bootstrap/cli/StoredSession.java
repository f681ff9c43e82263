package io.github.smartapiauth.bootstrap.cli;

import io.github.smartapiauth.adapter.storage.FileSessionStore;
import io.github.smartapiauth.bootstrap.config.SmartApiAuthConfig;
import io.github.smartapiauth.bootstrap.config.SmartApiAuthConfig.VaultStore;
import io.github.smartapiauth.domain.credential.ClientCode;
import io.github.smartapiauth.domain.error.SmartApiAuthException;
import io.github.smartapiauth.domain.session.SessionState;
import io.github.smartapiauth.application.port.in.SessionStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The fast path of {@code token} and {@code status}, for scripts that call them per request: the session
 * read straight from the vault, with no injector, no HTTP client and no lock, as the core itself takes a
 * FRESH stored session up. Anything else (for {@code token} a session that is not FRESH; a vault that
 * cannot be read; several accounts; another store) goes the whole way through the facade, which
 * renews or reports it.
 */
final class StoredSession {

    private StoredSession() {
    }

    /** The access token of a FRESH stored session, if there is one. */
    static Optional<String> freshToken(SmartApiAuthConfig config, Clock clock) {
        return read(config, (store, account) -> store.load(account)
                .filter(session -> session.clientCode().equals(account))
                .filter(session -> config.renewal().policy().stateOf(session, clock.instant()) == SessionState.FRESH)
                .map(session -> session.tokens().accessToken().value()));
    }

    /** The status of the one account's stored session, as the facade would report it in a new process. */
    static Optional<SessionStatus> status(SmartApiAuthConfig config, Clock clock) {
        return read(config, (store, account) -> {
            Optional<SessionStatus.Summary> summary = store.load(account).map(session -> {
                Instant now = clock.instant();
                Duration left = Duration.between(now, session.expiresAt());
                return new SessionStatus.Summary(config.renewal().policy().stateOf(session, now), session.openedAt(),
                        session.renewedAt(), session.expiresAt(), left.isNegative() ? Duration.ZERO : left);
            });
            return Optional.of(new SessionStatus(account, summary, store.describe(), Optional.empty(), Optional.empty()));
        });
    }

    private static <T> Optional<T> read(SmartApiAuthConfig config,
                                        java.util.function.BiFunction<FileSessionStore, ClientCode, Optional<T>> reading) {
        if (!(config.store() instanceof VaultStore vault) || !vault.hasKey() || config.accounts().size() != 1) {
            return Optional.empty();
        }
        ClientCode account = config.firstAccount().credentials().clientCode();
        FileSessionStore.Builder builder = FileSessionStore.builder(vault.directory()).argon2id(vault.kdf());
        if (vault.keyFile().isPresent()) {
            builder.keyFile(vault.keyFile().get());
        } else {
            builder.passphrase(vault.passphrase().get()); // copied: the facade may still need it
        }
        try (FileSessionStore store = builder.build()) {
            return reading.apply(store, account);
        } catch (SmartApiAuthException | IllegalStateException unreadable) {
            return Optional.empty(); // the facade reads it again and reports the problem
        }
    }
}
