package io.github.smartapiauth.adapter.storage;

import io.github.smartapiauth.application.port.out.SessionLeasePort;
import io.github.smartapiauth.domain.credential.ClientCode;
import io.github.smartapiauth.domain.session.Session;
import io.github.smartapiauth.domain.token.AccessToken;
import io.github.smartapiauth.domain.token.FeedToken;
import io.github.smartapiauth.domain.token.RefreshToken;
import io.github.smartapiauth.domain.token.TokenSet;
import java.time.Duration;
import java.time.Instant;

/** Sessions whose every value tells which account and which number they were made for. */
final class TestSessions {

    static final Instant BASE = Instant.parse("2026-11-24T03:45:10.123456789Z");
    static final ClientCode A = ClientCode.of("A1234567");
    static final ClientCode B = ClientCode.of("B7654321");
    /** Cheap enough for hundreds of derivations in tests; inside the bounds a reader accepts. */
    static final Argon2idParameters CHEAP = new Argon2idParameters(64, 1, 1);

    private TestSessions() {
    }

    static Session session(ClientCode account, long n) {
        Instant renewed = BASE.plusSeconds(n);
        TokenSet tokens = new TokenSet(AccessToken.of(token("access", account, n), renewed.plus(Duration.ofHours(8))),
                RefreshToken.of(token("refresh", account, n)), FeedToken.of(token("feed", account, n)));
        return new Session(account, tokens, BASE, renewed, renewed.plus(Duration.ofHours(6)));
    }

    /**
     * Saves as the core does: under a real lease of the {@link FileSessionLease} on the store's
     * directory, taken for this write and released after it.
     */
    static void save(FileSessionStore store, Session session) {
        try (SessionLeasePort.Lease lease = lease(store, session.clientCode())) {
            store.save(session, lease);
        }
    }

    /** Deletes under a real lease, as {@link #save} saves. */
    static void delete(FileSessionStore store, ClientCode account) {
        try (SessionLeasePort.Lease lease = lease(store, account)) {
            store.delete(account, lease);
        }
    }

    /** A lease of the store's directory, granted within a few seconds or an error. */
    static SessionLeasePort.Lease lease(FileSessionStore store, ClientCode account) {
        try {
            return new FileSessionLease(store.directory()).acquire(account, Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while taking the lease of " + account, e);
        }
    }

    static String token(String kind, ClientCode account, long n) {
        return kind + "-" + account.value() + "-" + n;
    }

    /** The number a session was made with, after checking that all its values agree on it. */
    static long numberOf(Session session) {
        String access = session.tokens().accessToken().value();
        long n = Long.parseLong(access.substring(access.lastIndexOf('-') + 1));
        if (!session.equals(session(session.clientCode(), n))
                || !session.tokens().accessToken().expiresAt().equals(session(session.clientCode(), n).tokens()
                        .accessToken().expiresAt())) {
            throw new AssertionError("the session's values do not belong together: " + n);
        }
        return n;
    }
}
