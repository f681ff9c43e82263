package io.github.smartapiauth.bootstrap;

import feign.Client;
import io.github.smartapiauth.adapter.http.HttpSettings;
import io.github.smartapiauth.adapter.http.SmartApiRequestInterceptor;
import io.github.smartapiauth.adapter.http.TokenRenewingClient;
import io.github.smartapiauth.domain.token.AccessTokenProvider;
import io.github.smartapiauth.application.port.in.AccountCommand;
import io.github.smartapiauth.application.port.in.GetAccessTokenUseCase.AccountTokens;
import io.github.smartapiauth.application.port.in.LogoutResult;
import io.github.smartapiauth.application.port.in.RejectedTokenReport;
import io.github.smartapiauth.application.port.in.SessionStatus;
import io.github.smartapiauth.application.service.SessionService;
import io.github.smartapiauth.bootstrap.events.SessionEventHub;
import io.github.smartapiauth.domain.credential.ApiKey;
import io.github.smartapiauth.domain.credential.ClientCode;
import io.github.smartapiauth.domain.event.SessionEvent;
import io.github.smartapiauth.domain.health.AccountHealth;
import io.github.smartapiauth.domain.profile.Profile;
import io.github.smartapiauth.domain.session.Session;
import io.github.smartapiauth.domain.token.AccessToken;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One account's view of the library: {@code auth.account("A1234567")}. Everything an account has,
 * and listeners that hear only this account. Implements {@link AccessTokenProvider}, the one type a
 * platform's own code needs to depend on. After the account is removed, every call fails naming it.
 */
public final class SmartApiAccount implements AccessTokenProvider {

    private final ClientCode account;
    private final SessionService sessions;
    private final AccountTokens tokens;
    private final Supplier<ApiKey> apiKey;
    private final HttpSettings http;
    private final SessionEventHub events;
    private final Map<Consumer<SessionEvent>, Consumer<SessionEvent>> listeners = new ConcurrentHashMap<>();

    SmartApiAccount(ClientCode account, SessionService sessions, Supplier<ApiKey> apiKey, HttpSettings http,
                    SessionEventHub events) {
        this.account = account;
        this.sessions = sessions;
        this.tokens = sessions.forAccount(account);
        this.apiKey = apiKey;
        this.http = http;
        this.events = events;
    }

    public ClientCode clientCode() {
        return account;
    }

    /** A valid access token: lock-free while the session is fresh; renewed (once, however many ask) as needed. */
    @Override
    public AccessToken accessToken() {
        return tokens.accessToken();
    }

    /** Never blocks: completes at once on the calling thread while the session is fresh. */
    @Override
    public CompletableFuture<AccessToken> accessTokenAsync() {
        return tokens.accessTokenAsync();
    }

    /** The feed token of a valid session, for the market-data WebSocket. */
    public String feedToken() {
        return tokens.validSession().tokens().feedToken().value();
    }

    /** Every SmartAPI header with a valid bearer token and this account's API key. Contains secrets: never log it. */
    public Map<String, String> headers() {
        Map<String, String> headers = http.standardHeaders();
        headers.put("X-PrivateKey", apiKey.get().reveal());
        headers.put("Authorization", "Bearer " + accessToken().value());
        return headers;
    }

    public Session session() {
        return tokens.validSession();
    }

    /** Local status, no network. */
    public SessionStatus status() {
        return sessions.status(account);
    }

    /** This account's health from memory: no network, no store. */
    public AccountHealth health() {
        return sessions.health(account);
    }

    public Profile profile() {
        return sessions.profile(AccountCommand.of(account));
    }

    /** Logs in now (after any renewal in flight); also the way back after a logout or a block. */
    public Session open() {
        return sessions.open(AccountCommand.of(account));
    }

    public Session refresh() {
        return sessions.refresh(AccountCommand.of(account));
    }

    public LogoutResult logout() {
        return sessions.logOut(AccountCommand.of(account));
    }

    /** SmartAPI refused this token (AG8001) on one of your calls: at most one renewal follows per token value. */
    public boolean reportRejected(String token) {
        return sessions.reportRejected(new RejectedTokenReport(account, AccessToken.withoutExpiry(token)));
    }

    /** For your own Feign clients of SmartAPI: this account's headers and current bearer token. */
    public SmartApiRequestInterceptor requestInterceptor() {
        return new SmartApiRequestInterceptor(tokens, apiKey.get(), http);
    }

    /** Wraps your Feign client so that a call refused with AG8001 is renewed and retried once. */
    public TokenRenewingClient renewingClient(Client delegate) {
        return new TokenRenewingClient(delegate, tokens, sessions);
    }

    /** Hears this account's events only, after each new session is published, in order. */
    public void addListener(Consumer<SessionEvent> listener) {
        Consumer<SessionEvent> filtered = event -> {
            if (event.clientCode().equals(account)) {
                listener.accept(event);
            }
        };
        if (listeners.putIfAbsent(listener, filtered) == null) {
            events.addListener(filtered);
        }
    }

    public void removeListener(Consumer<SessionEvent> listener) {
        Consumer<SessionEvent> filtered = listeners.remove(listener);
        if (filtered != null) {
            events.removeListener(filtered);
        }
    }

    @Override
    public String toString() {
        return "SmartApiAccount[" + account + "]";
    }
}
