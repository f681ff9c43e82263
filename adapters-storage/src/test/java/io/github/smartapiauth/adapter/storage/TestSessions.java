package io.github.smartapiauth.adapter.storage;

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
