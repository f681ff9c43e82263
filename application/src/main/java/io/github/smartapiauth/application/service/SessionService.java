package io.github.smartapiauth.application.service;

import io.github.smartapiauth.application.port.in.AccountCommand;
import io.github.smartapiauth.application.port.in.AccountSpec;
import io.github.smartapiauth.application.port.in.AdoptStoredSessionUseCase;
import io.github.smartapiauth.application.port.in.ManageAccountsUseCase;
import io.github.smartapiauth.application.port.in.GetAccessTokenUseCase.AccountTokens;
import io.github.smartapiauth.application.port.in.GetAccessTokenUseCase;
import io.github.smartapiauth.application.port.in.GetHealthUseCase;
import io.github.smartapiauth.application.port.in.GetProfileUseCase;
import io.github.smartapiauth.application.port.in.GetSessionStatusUseCase;
import io.github.smartapiauth.application.port.in.LogOutUseCase;
import io.github.smartapiauth.application.port.in.LogoutResult;
import io.github.smartapiauth.application.port.in.OpenSessionUseCase;
import io.github.smartapiauth.application.port.in.RefreshSessionUseCase;
import io.github.smartapiauth.application.port.in.RejectedTokenReport;
import io.github.smartapiauth.application.port.in.ReportRejectedTokenUseCase;
import io.github.smartapiauth.application.port.in.SessionStatus;
import io.github.smartapiauth.application.port.out.AuthenticationPort;
import io.github.smartapiauth.application.port.out.DiagnosticContextPort;
import io.github.smartapiauth.application.port.out.MetricsPort;
import io.github.smartapiauth.application.port.out.OneTimePasswordPort;
import io.github.smartapiauth.application.port.out.ProfilePort;
import io.github.smartapiauth.application.port.out.SessionEventsPort;
import io.github.smartapiauth.application.port.out.SessionLeasePort;
import io.github.smartapiauth.application.port.out.SessionStorePort;
import io.github.smartapiauth.application.port.out.TotpLedgerPort;
import io.github.smartapiauth.domain.credential.ClientCode;
import io.github.smartapiauth.domain.credential.Credentials;
import io.github.smartapiauth.domain.error.ConfigurationException;
import io.github.smartapiauth.domain.health.AccountHealth;
import io.github.smartapiauth.domain.profile.Profile;
import io.github.smartapiauth.domain.session.Session;
import io.github.smartapiauth.domain.token.AccessToken;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * The session core: every use case, for one account or many. Each account has its own
 * renewal state, so two accounts renew in parallel while one account never renews twice at
 * once. Built with {@link #builder()}; does no I/O and starts no thread until first asked for
 * something. {@link #close()} stops every thread it started.
 */
public final class SessionService implements OpenSessionUseCase, GetAccessTokenUseCase, RefreshSessionUseCase,
        ReportRejectedTokenUseCase, LogOutUseCase, GetProfileUseCase, GetSessionStatusUseCase,
        AdoptStoredSessionUseCase, ManageAccountsUseCase, GetHealthUseCase, AutoCloseable {

    private final ConcurrentMap<ClientCode, AccountSession> accounts;
    private final CoreDependencies core;
    private final AutoCloseable ownThreads;

    private SessionService(Map<ClientCode, AccountSession> accounts, CoreDependencies core, AutoCloseable ownThreads) {
        this.accounts = new ConcurrentHashMap<>(accounts);
        this.core = core;
        this.ownThreads = ownThreads;
    }

    @Override
    public void addAccount(AccountSpec account) {
        Objects.requireNonNull(account, "the account is required");
        AccountSession added = new AccountSession(account, core);
        if (accounts.putIfAbsent(account.clientCode(), added) != null) {
            throw new ConfigurationException("the account " + account.clientCode() + " is already configured;"
                    + " replace its credentials instead of adding it again");
        }
    }

    @Override
    public Optional<LogoutResult> removeAccount(ClientCode account, OnRemoval onRemoval) {
        Objects.requireNonNull(onRemoval, "say whether to log the account out");
        AccountSession removed = account(account);
        Optional<LogoutResult> logout = Optional.empty();
        if (onRemoval == OnRemoval.LOG_OUT) {
            logout = Optional.of(removed.logOut());
        }
        if (accounts.remove(account, removed)) {
            removed.remove();
        }
        return logout;
    }

    @Override
    public void replaceCredentials(AccountSpec account) {
        Objects.requireNonNull(account, "the account is required");
        account(account.clientCode()).replaceKeys(account);
    }

    /**
     * Stops the threads the core started (renewals in flight are interrupted and their waiters get a
     * declared error); later renewals fail with a {@code ConfigurationException}. Tokens already handed
     * out stay valid, and a FRESH token is still served. Idempotent.
     */
    @Override
    public void close() {
        try {
            ownThreads.close();
        } catch (Exception cannotHappen) {
            // CoreThreads.close() throws nothing.
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Set<ClientCode> accounts() {
        return Collections.unmodifiableSet(new TreeSet<>(accounts.keySet()));
    }

    @Override
    public Session open(AccountCommand command) {
        return account(command.account()).open();
    }

    @Override
    public AccessToken accessToken(ClientCode account) {
        return account(account).accessToken();
    }

    @Override
    public Session validSession(ClientCode account) {
        return account(account).validSession();
    }

    @Override
    public AccountTokens forAccount(ClientCode account) {
        return account(account);
    }

    @Override
    public Session refresh(AccountCommand command) {
        return account(command.account()).refresh();
    }

    @Override
    public boolean reportRejected(RejectedTokenReport report) {
        return account(report.account()).reportRejected(report.rejectedToken());
    }

    @Override
    public boolean adoptStoredSession(ClientCode account) {
        return account(account).adoptStored();
    }

    @Override
    public LogoutResult logOut(AccountCommand command) {
        return account(command.account()).logOut();
    }

    @Override
    public Profile profile(AccountCommand command) {
        return account(command.account()).profile();
    }

    @Override
    public SessionStatus status(ClientCode account) {
        return account(account).status();
    }

    @Override
    public List<AccountHealth> health() {
        List<AccountHealth> all = new ArrayList<>();
        new TreeMap<>(accounts).values().forEach(account -> all.add(account.health()));
        return Collections.unmodifiableList(all);
    }

    @Override
    public AccountHealth health(ClientCode account) {
        return account(account).health();
    }

    /** The health source the metrics port reads: accounts removed meanwhile are simply absent. */
    private MetricsPort.HealthSource healthSource() {
        return new MetricsPort.HealthSource() {
            @Override
            public List<AccountHealth> all() {
                return health();
            }

            @Override
            public Optional<AccountHealth> of(ClientCode code) {
                AccountSession session = accounts.get(code);
                return session == null ? Optional.empty() : Optional.of(session.health());
            }
        };
    }

    private AccountSession account(ClientCode code) {
        AccountSession session = accounts.get(Objects.requireNonNull(code, "the account's client code is required"));
        if (session == null) {
            throw new ConfigurationException("no account " + code + " is configured; configured accounts: "
                    + accounts() + ". Add it (addAccount) or put its credentials in the configuration.");
        }
        return session;
    }

    /** Collects the accounts and the adapters of the driven ports. */
    public static final class Builder {

        private final Map<ClientCode, AccountSpec> specs = new TreeMap<>();
        private AuthenticationPort authentication;
        private ProfilePort profiles;
        private OneTimePasswordPort oneTimePasswords;
        private SessionStorePort store;
        private SessionLeasePort lease;
        private SessionEventsPort events = event -> { };
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.system();
        private Executor background;
        private Executor renewals;
        private RandomGenerator random = new ThreadLocalRandomGenerator();
        private RenewalSettings settings = RenewalSettings.defaults();
        private MetricsPort metrics = MetricsPort.NONE;
        private DiagnosticContextPort diagnostics = DiagnosticContextPort.NONE;
        private TotpLedgerPort totpLedger = TotpLedgerPort.none();

        private Builder() {
        }

        /** Adds an account with the default TOTP source and broker adapters; call once per account. */
        public Builder account(Credentials account) {
            Objects.requireNonNull(account, "account credentials are required");
            return account(AccountSpec.of(account));
        }

        /** Adds an account, with its own TOTP source or broker adapters where it has them. */
        public Builder account(AccountSpec account) {
            Objects.requireNonNull(account, "the account is required");
            if (specs.putIfAbsent(account.clientCode(), account) != null) {
                throw new IllegalArgumentException("the account " + account.clientCode() + " was added twice");
            }
            return this;
        }

        public Builder authentication(AuthenticationPort port) {
            this.authentication = Objects.requireNonNull(port, "authentication port");
            return this;
        }

        public Builder profiles(ProfilePort port) {
            this.profiles = Objects.requireNonNull(port, "profile port");
            return this;
        }

        public Builder oneTimePasswords(OneTimePasswordPort port) {
            this.oneTimePasswords = Objects.requireNonNull(port, "one-time password port");
            return this;
        }

        public Builder store(SessionStorePort port) {
            this.store = Objects.requireNonNull(port, "session store port");
            return this;
        }

        public Builder lease(SessionLeasePort port) {
            this.lease = Objects.requireNonNull(port, "session lease port");
            return this;
        }

        public Builder events(SessionEventsPort port) {
            this.events = Objects.requireNonNull(port, "session events port");
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /**
         * Where refreshes ahead of time run; by default the core's own threads. If this executor never
         * runs one (a discard policy, a shut-down or saturated pool), a caller that needs the result runs
         * it on the core's threads, and one past the renewal deadline is given up and started afresh.
         */
        public Builder background(Executor executor) {
            this.background = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /**
         * Where renewals that callers wait for run and where listeners are called; by default daemon
         * threads of the core's own ({@code smartapi-auth-core-*}), which {@link SessionService#close()}
         * stops. Tests may pass {@code Runnable::run} to run renewals and deliver events on the calling
         * thread (then an interrupted first caller interrupts the renewal itself).
         */
        public Builder renewals(Executor executor) {
            this.renewals = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /** The source of backoff jitter; tests pass a seeded one. */
        public Builder random(RandomGenerator random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /**
         * Where the last TOTP step sent is remembered across processes sharing the session (beside the
         * vault); by default nowhere beyond this process.
         */
        public Builder totpLedger(TotpLedgerPort port) {
            this.totpLedger = Objects.requireNonNull(port, "TOTP ledger port");
            return this;
        }

        public Builder settings(RenewalSettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /** Where renewals, calls and events are measured (a meter registry's adapter); by default nowhere. */
        public Builder metrics(MetricsPort port) {
            this.metrics = Objects.requireNonNull(port, "metrics port");
            return this;
        }

        /** Marks the work the core's threads do for an account (the SLF4J adapter: the MDC); by default nothing. */
        public Builder diagnosticContext(DiagnosticContextPort port) {
            this.diagnostics = Objects.requireNonNull(port, "diagnostic context port");
            return this;
        }

        public SessionService build() {

            requirePort(authentication, "authentication");
            requirePort(profiles, "profiles");
            requirePort(oneTimePasswords, "oneTimePasswords");
            requirePort(store, "store");
            requirePort(lease, "lease");
            CoreThreads ownThreads = renewals == null ? new CoreThreads() : null;
            Executor renewalExecutor = renewals != null ? renewals : ownThreads;
            CoreDependencies core = new CoreDependencies(authentication, profiles, oneTimePasswords, store, lease,
                    events, clock, sleeper, renewalExecutor, background != null ? background : renewalExecutor, random,
                    settings, metrics, diagnostics, totpLedger);
            Map<ClientCode, AccountSession> sessions = new TreeMap<>();
            specs.forEach((code, account) -> sessions.put(code, new AccountSession(account, core)));
            SessionService service = new SessionService(sessions, core, ownThreads != null ? ownThreads : () -> { });
            try {
                metrics.watch(service.healthSource());
            } catch (RuntimeException | LinkageError measuringFailed) {
                // Measuring is best effort: gauges missing, never a core that cannot be built.
            }
            return service;
        }

        private static void requirePort(Object port, String name) {
            if (port == null) {
                throw new IllegalStateException("no adapter for the " + name + " port; call " + name + "(...) on the builder");
            }
        }
    }

    /** Jitter from the calling thread's own generator, so accounts renewing in parallel never contend. */
    private static final class ThreadLocalRandomGenerator implements RandomGenerator {
        @Override
        public long nextLong() {
            return ThreadLocalRandom.current().nextLong();
        }
    }
}
