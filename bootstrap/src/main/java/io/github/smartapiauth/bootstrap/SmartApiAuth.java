package io.github.smartapiauth.bootstrap;

import com.google.inject.Module;
import feign.Client;
import io.github.smartapiauth.adapter.http.HttpSettings;
import io.github.smartapiauth.adapter.http.SmartApiRequestInterceptor;
import io.github.smartapiauth.adapter.http.TokenRenewingClient;
import io.github.smartapiauth.application.port.in.LogoutResult;
import io.github.smartapiauth.application.port.in.ManageAccountsUseCase.OnRemoval;
import io.github.smartapiauth.application.port.in.SessionStatus;
import io.github.smartapiauth.application.port.out.MetricsPort;
import io.github.smartapiauth.application.service.SessionService;
import io.github.smartapiauth.application.service.Sleeper;
import io.github.smartapiauth.bootstrap.config.ConfigReader;
import io.github.smartapiauth.bootstrap.config.ConfigSources;
import io.github.smartapiauth.bootstrap.config.SmartApiAuthConfig;
import io.github.smartapiauth.bootstrap.events.SessionEventHub;
import io.github.smartapiauth.bootstrap.wiring.OwnedResources;
import io.github.smartapiauth.domain.credential.ApiKey;
import io.github.smartapiauth.domain.credential.ClientCode;
import io.github.smartapiauth.domain.error.ConfigurationException;
import io.github.smartapiauth.domain.event.SessionEvent;
import io.github.smartapiauth.domain.health.AccountHealth;
import io.github.smartapiauth.domain.profile.Profile;
import io.github.smartapiauth.domain.session.Session;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The library in one object, for platforms not on Guice (Guice users inject it from
 * {@link SmartApiAuthModule}): valid access tokens whenever asked, for one account or many,
 * persisted encrypted, renewed once however many threads ask.
 *
 * <pre>{@code
 * try (SmartApiAuth auth = SmartApiAuth.fromEnvironment()) {
 *     String bearer = auth.accessToken();                  // the one configured account
 *     SmartApiAccount tenant = auth.account("A1234567");   // one of several
 *     tenant.accessTokenAsync().thenAccept(...);           // never blocks
 * }
 * }</pre>
 *
 * Creating one does no network I/O; the first token request logs in (or takes up the stored session).
 * Accounts can be added, re-keyed and removed while it runs.
 */
public final class SmartApiAuth implements AutoCloseable {

    private final SmartApiAuthConfig config;
    private final SessionService sessions;
    private final SessionEventHub events;
    private final OwnedResources owned;
    private final AccountAdapters adapters;
    /** Each account's API key, for the headers this facade builds; nothing else secret is kept here. */
    private final Map<ClientCode, ApiKey> apiKeys = new ConcurrentHashMap<>();
    private final Map<ClientCode, SmartApiAccount> handles = new ConcurrentHashMap<>();
    /** The handle of the one configured account, while there is exactly one: the shortcuts' fast path. */
    private volatile SmartApiAccount only;

    SmartApiAuth(SmartApiAuthConfig config, SessionService sessions, SessionEventHub events, OwnedResources owned,
                 Clock clock, MetricsPort metrics) {
        this.config = config;
        this.sessions = sessions;
        this.events = events;
        this.owned = owned;
        this.adapters = new AccountAdapters(config.http(), clock, owned, metrics);
        config.accounts().forEach(account -> apiKeys.put(account.credentials().clientCode(),
                account.credentials().apiKey()));
    }

    /** Configured from {@code SMARTAPI_*} environment variables and the optional properties file. */
    public static SmartApiAuth fromEnvironment() {
        return builder().config(ConfigReader.read(ConfigSources.fromEnvironment())).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * One account's handle: its tokens, headers, session, profile and listeners.
     *
     * @throws ConfigurationException naming the account and the configured ones when it is not configured
     */
    public SmartApiAccount account(String clientCode) {
        return account(ClientCode.of(clientCode));
    }

    public SmartApiAccount account(ClientCode clientCode) {
        Objects.requireNonNull(clientCode, "the client code is required");
        if (!sessions.accounts().contains(clientCode)) {
            throw new ConfigurationException("no account " + clientCode + " is configured; configured accounts: "
                    + sessions.accounts() + ". Add it with addAccount(...) or in the configuration.");
        }
        return handles.computeIfAbsent(clientCode, code -> new SmartApiAccount(code, sessions,
                () -> apiKeyOf(code), config.http(), events));
    }

    /** The accounts configured now. */
    public Set<ClientCode> accounts() {
        return sessions.accounts();
    }

    /** Adds an account while running, with its own API key and TOTP source; no I/O until it is used. */
    public synchronized SmartApiAccount addAccount(AccountSetup setup) {
        Objects.requireNonNull(setup, "the account setup is required");
        sessions.addAccount(adapters.specFor(setup));
        apiKeys.put(setup.clientCode(), setup.credentials().apiKey());
        only = null;
        return account(setup.clientCode());
    }

    /**
     * Removes an account, logging it out at the broker first or keeping its stored session, as asked.
     * A renewal in flight for it ends with a declared error; a handle kept for it fails from now on.
     */
    public synchronized Optional<LogoutResult> removeAccount(String clientCode, OnRemoval onRemoval) {
        ClientCode code = ClientCode.of(clientCode);
        Optional<LogoutResult> result = sessions.removeAccount(code, onRemoval);
        apiKeys.remove(code);
        handles.remove(code);
        only = null;
        return result;
    }

    /** New credentials (MPIN, API key) and TOTP source for an account; lifts a block bad credentials caused. */
    public void replaceCredentials(AccountSetup setup) {
        Objects.requireNonNull(setup, "the account setup is required");
        sessions.replaceCredentials(adapters.specFor(setup));
        apiKeys.put(setup.clientCode(), setup.credentials().apiKey());
    }

    /** A valid access token (without the {@code Bearer } prefix) of the one configured account. */
    public String accessToken() {
        return single().accessToken().value();
    }

    /** The feed token of a valid session of the one configured account, for the market-data WebSocket. */
    public String feedToken() {
        return single().feedToken();
    }

    /** The whole valid session of the one configured account. */
    public Session session() {
        return single().session();
    }

    /** Logs in now (also the way back after a logout, or after bad credentials stopped automatic logins). */
    public Session open() {
        return single().open();
    }

    public Profile profile() {
        return single().profile();
    }

    public Session refresh() {
        return single().refresh();
    }

    public LogoutResult logout() {
        return single().logout();
    }

    /** Local status, no network. */
    public SessionStatus status() {
        return single().status();
    }

    /**
     * Every account's health from memory (no network, no store): state, why it is blocked, when its
     * session ends, how its last renewal ended. Cheap enough for a health endpoint to call on every probe.
     */
    public List<AccountHealth> health() {
        return sessions.health();
    }

    /**
     * Tell the library SmartAPI refused this token (AG8001) on one of your calls: at most one
     * renewal follows per token value. Returns whether this report started it.
     */
    public boolean reportRejected(String token) {
        return single().reportRejected(token);
    }

    /** For your own Feign clients of SmartAPI: adds the headers and the current bearer token. */
    public SmartApiRequestInterceptor requestInterceptor() {
        return single().requestInterceptor();
    }

    /** Wraps your Feign client so that a call refused with AG8001 is renewed and retried once. */
    public TokenRenewingClient renewingClient(Client delegate) {
        return single().renewingClient(delegate);
    }

    /** The SmartAPI headers with a valid bearer token, for any other HTTP client. Contains secrets: never log it. */
    public Map<String, String> headers() {
        return single().headers();
    }

    /** Hears every account's events (a handle's {@code addListener} hears one account's). */
    public void addListener(Consumer<SessionEvent> listener) {
        events.addListener(listener);
    }

    public void removeListener(Consumer<SessionEvent> listener) {
        events.removeListener(listener);
    }

    /** The session core, for the use cases directly. */
    public SessionService sessions() {
        return sessions;
    }

    /** The one configured account's client code. */
    public ClientCode account() {
        return single().clientCode();
    }

    /** How SmartAPI is reached (no secret in it). */
    public HttpSettings httpSettings() {
        return config.http();
    }

    private SmartApiAccount single() {
        SmartApiAccount current = only;
        return current != null ? current : theOnlyAccount();
    }

    private synchronized SmartApiAccount theOnlyAccount() {
        Set<ClientCode> configured = sessions.accounts();
        if (configured.size() != 1) {
            throw new ConfigurationException(configured.isEmpty()
                    ? "no account is configured; add one with addAccount(...) or in the configuration"
                    : configured.size() + " accounts are configured (" + configured + "); the single-account"
                            + " methods need exactly one: use auth.account(clientCode) for each");
        }
        only = account(configured.iterator().next());
        return only;
    }

    private ApiKey apiKeyOf(ClientCode account) {
        ApiKey key = apiKeys.get(account);
        if (key == null) {
            throw new ConfigurationException("the account " + account + " was removed; add it again to use it");
        }
        return key;
    }

    /**
     * Stops every thread the library started (the core's renewal and listener threads, the HTTP
     * clients'), closes Redis connections, and wipes key material held by the TOTP generators and the
     * vault. Tokens already handed out stay valid. Idempotent.
     */
    @Override
    public void close() {
        owned.close();
    }

    @Override
    public String toString() {
        return "SmartApiAuth" + sessions.accounts() + "[" + config.http().baseUrl() + "]";
    }

    /** Configuration, clock, listeners, and modules that replace the production adapters. */
    public static final class Builder {

        private SmartApiAuthConfig config;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.system();
        private final SessionEventHub events = new SessionEventHub();
        private final List<Module> adapterModules = new ArrayList<>();
        private MetricsPort metrics;

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

        /**
         * Measures renewals, calls to SmartAPI, pacing waits and events through {@code metrics}; for
         * Micrometer, {@code MicrometerMetrics.of(registry)} from {@code smartapi-auth-adapters-metrics}.
         * Without this call nothing is measured and no meter library is loaded.
         */
        public Builder metrics(MetricsPort metrics) {
            this.metrics = Objects.requireNonNull(metrics, "the metrics adapter is required");
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
            if (metrics != null) {
                module = module.withMetrics(metrics);
            }
            return Injection.get(Injection.create(module), SmartApiAuth.class);
        }
    }
}
