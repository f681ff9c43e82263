package io.github.smartapiauth.bootstrap;

import com.google.inject.Module;
import feign.Client;
import io.github.smartapiauth.adapter.http.HttpSettings;
import io.github.smartapiauth.adapter.http.SmartApiRequestInterceptor;
import io.github.smartapiauth.adapter.http.TokenRenewingClient;
import io.github.smartapiauth.application.port.in.AccountCommand;
import io.github.smartapiauth.application.port.in.GetAccessTokenUseCase.AccountTokens;
import io.github.smartapiauth.application.port.in.LogoutResult;
import io.github.smartapiauth.application.port.in.RejectedTokenReport;
import io.github.smartapiauth.application.port.in.SessionStatus;
import io.github.smartapiauth.application.service.SessionService;
import io.github.smartapiauth.application.service.Sleeper;
import io.github.smartapiauth.bootstrap.config.ConfigReader;
import io.github.smartapiauth.bootstrap.config.ConfigSources;
import io.github.smartapiauth.bootstrap.config.SmartApiAuthConfig;
import io.github.smartapiauth.bootstrap.events.SessionEventHub;
import io.github.smartapiauth.bootstrap.wiring.OwnedResources;
import io.github.smartapiauth.domain.credential.ApiKey;
import io.github.smartapiauth.domain.credential.ClientCode;
import io.github.smartapiauth.domain.event.SessionEvent;
import io.github.smartapiauth.domain.profile.Profile;
import io.github.smartapiauth.domain.session.Session;
import io.github.smartapiauth.domain.token.AccessToken;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The library in one object, for platforms not on Guice: a valid access token whenever asked,
 * persisted encrypted, renewed once however many threads ask.
 *
 * <pre>{@code
 * try (SmartApiAuth auth = SmartApiAuth.fromEnvironment()) {
 *     String bearer = auth.accessToken();          // valid; refreshed or re-logged-in as needed
 * }
 * }</pre>
 *
 * Creating one does no network I/O; the first token request logs in (or takes up the stored session).
 */
public final class SmartApiAuth implements AutoCloseable {

    private final SmartApiAuthConfig config;
    private final SessionService sessions;
    private final AccountTokens tokens;
    private final SessionEventHub events;
    private final ClientCode account;
    private final OwnedResources owned;

    SmartApiAuth(SmartApiAuthConfig config, SessionService sessions, SessionEventHub events, OwnedResources owned) {
        this.config = config;
        this.sessions = sessions;
        this.events = events;
        this.owned = owned;
        this.account = config.firstAccount().credentials().clientCode();
        this.tokens = sessions.forAccount(account);
    }

    /** Configured from {@code SMARTAPI_*} environment variables and the optional properties file. */
    public static SmartApiAuth fromEnvironment() {
        return builder().config(ConfigReader.read(ConfigSources.fromEnvironment())).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A valid access token (without the {@code Bearer } prefix). */
    public String accessToken() {
        return tokens.accessToken().value();
    }

    /** The feed token of a valid session, for the market-data WebSocket. */
    public String feedToken() {
        return tokens.validSession().tokens().feedToken().value();
    }

    /** The whole valid session. */
    public Session session() {
        return tokens.validSession();
    }

    /** Logs in now (also the way back after a logout, or after bad credentials stopped automatic logins). */
    public Session open() {
        return sessions.open(AccountCommand.of(account));
    }

    public Profile profile() {
        return sessions.profile(AccountCommand.of(account));
    }

    public Session refresh() {
        return sessions.refresh(AccountCommand.of(account));
    }

    public LogoutResult logout() {
        return sessions.logOut(AccountCommand.of(account));
    }

    /** Local status, no network. */
    public SessionStatus status() {
        return sessions.status(account);
    }

    /**
     * Tell the library SmartAPI refused this token (AG8001) on one of your calls: at most one
     * renewal follows per token value. Returns whether this report started it.
     */
    public boolean reportRejected(String token) {
        return sessions.reportRejected(new RejectedTokenReport(account, AccessToken.withoutExpiry(token)));
    }

    /** For your own Feign clients of SmartAPI: adds the headers and the current bearer token. */
    public SmartApiRequestInterceptor requestInterceptor() {
        return new SmartApiRequestInterceptor(tokens, apiKey(), config.http());
    }

    /** Wraps your Feign client so that a call refused with AG8001 is renewed and retried once. */
    public TokenRenewingClient renewingClient(Client delegate) {
        return new TokenRenewingClient(delegate, tokens, sessions);
    }

    /** The SmartAPI headers with a valid bearer token, for any other HTTP client. Contains secrets: never log it. */
    public Map<String, String> headers() {
        Map<String, String> headers = config.http().standardHeaders();
        headers.put("X-PrivateKey", apiKey().reveal());
        headers.put("Authorization", "Bearer " + accessToken());
        return headers;
    }

    public void addListener(Consumer<SessionEvent> listener) {
        events.addListener(listener);
    }

    public void removeListener(Consumer<SessionEvent> listener) {
        events.removeListener(listener);
    }

    /** The session core, for several accounts or the use cases directly. */
    public SessionService sessions() {
        return sessions;
    }

    public ClientCode account() {
        return account;
    }

    public HttpSettings httpSettings() {
        return config.http();
    }

    public SmartApiAuthConfig config() {
        return config;
    }

    private ApiKey apiKey() {
        return config.firstAccount().credentials().apiKey();
    }

    /**
     * Stops every thread the library started (the core's renewal and listener threads, the HTTP
     * client's), closes Redis connections, and wipes key material held by the TOTP generator and the
     * vault. Tokens already handed out stay valid. Idempotent.
     */
    @Override
    public void close() {
        owned.close();
    }

    @Override
    public String toString() {
        return "SmartApiAuth[" + account + ", " + config.http().baseUrl() + "]";
    }

    /** Configuration, clock, listeners, and modules that replace the production adapters. */
    public static final class Builder {

        private SmartApiAuthConfig config;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.system();
        private final SessionEventHub events = new SessionEventHub();
        private final List<Module> adapterModules = new ArrayList<>();

        private Builder() {
        }

        public Builder config(SmartApiAuthConfig config) {
            this.config = Objects.requireNonNull(config, "config");
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * How the core waits (for the next TOTP step, between retries); by default real time. Give one
         * that agrees with {@link #clock(Clock)}: with a simulated or compressed clock, a real-time
         * sleeper would wait real seconds for a step boundary the clock passes in milliseconds.
         */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        public Builder listener(Consumer<SessionEvent> listener) {
            events.addListener(listener);
            return this;
        }

        /**
         * Adapter modules to use instead of the production ones (HTTP, TOTP, store): when any is
         * given, only the given ones are used, so they must bind every driven port together.
         */
        public Builder adapters(Module... modules) {
            adapterModules.addAll(List.of(modules));
            return this;
        }

        public SmartApiAuth build() {
            if (config == null) {
                throw new IllegalStateException("no configuration; call config(...) or use SmartApiAuth.fromEnvironment()");
            }
            SmartApiAuthModule module;
            if (adapterModules.isEmpty()) {
                module = SmartApiAuthModule.production(config, clock, sleeper, events);
            } else {
                List<Module> modules = new ArrayList<>(SmartApiAuthModule.core(config, clock, sleeper, events));
                modules.addAll(adapterModules);
                module = SmartApiAuthModule.of(modules);
            }
            return Injection.get(Injection.create(module), SmartApiAuth.class);
        }
    }
}
