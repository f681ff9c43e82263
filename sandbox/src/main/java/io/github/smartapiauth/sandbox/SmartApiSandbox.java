package io.github.smartapiauth.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local SmartAPI-compatible server: the five session routes with the real envelopes, error
 * codes, tokens and rate limits, plus scripted faults and captured requests for tests.
 *
 * <pre>{@code
 * SandboxClock clock = SandboxClock.at(Instant.parse("2025-01-06T03:45:00Z"));
 * try (SmartApiSandbox sandbox = SmartApiSandbox.builder()
 *         .account(SandboxAccount.demo())
 *         .clock(clock)
 *         .rateLimits(false)
 *         .build()) {
 *     URI base = sandbox.start();                 // http://127.0.0.1:<free port>
 *     sandbox.faults().next(Route.LOGIN, Fault.HTTP_500, 1);
 *     // ... point the client at base, log in, then:
 *     clock.set(Instant.parse("2025-01-06T18:29:59Z")); // one second before midnight IST
 *     long logins = sandbox.calls(Route.LOGIN);
 * }
 * }</pre>
 *
 * Building does no I/O; {@link #start()} binds the loopback port; {@link #close()} stops
 * at once, pending delayed replies included, and ends every thread and socket it started.
 *
 * <p>Each connection is served on its own thread and must send a whole request within the
 * request timeout (default 10 s, else 408 and closed); bodies over the limit (default 64 KiB)
 * get 413. A slow or stalled client costs only its own connection.
 */
public final class SmartApiSandbox implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SmartApiSandbox.class);
    /** How many characters of a request body the captured-request log keeps. */
    public static final int CAPTURED_BODY_PREFIX = 4096;

    private final List<SandboxAccount> accounts;
    private final Clock clock;
    private final int port;
    private final int workerThreads;
    private final Faults faults = new Faults();
    private final SessionAuthority sessions;
    private final SessionRegistry registry;
    private final RateLimits rateLimits; // null when off
    private final RequestLog requestLog;
    private final CallHandler handler;
    private final HttpLimits limits;
    private final CountDownLatch stopped = new CountDownLatch(1);

    private volatile HttpListener server;
    private URI baseUri;
    private boolean closed;

    private SmartApiSandbox(Builder builder) {
        this.accounts = List.copyOf(builder.accounts.isEmpty() ? List.of(SandboxAccount.demo()) : builder.accounts);
        this.clock = builder.clock != null ? builder.clock : SandboxClock.running(Clock.systemUTC().instant(), 1);
        this.port = builder.port;
        this.workerThreads = builder.workerThreads;
        this.requestLog = new RequestLog(builder.capturedRequestLimit);
        ObjectMapper mapper = new ObjectMapper();
        Replies replies = new Replies(mapper);
        AccountDirectory directory = new AccountDirectory(accounts);
        TokenExpiry expiry = builder.tokenLifetime == null
                ? TokenExpiry.nextMidnightIst() : TokenExpiry.after(builder.tokenLifetime);
        this.registry = new SessionRegistry(builder.maxSessionsPerAccount, builder.sessionIdleTimeout);
        this.sessions = new SessionAuthority(new TokenSigner(new SecureRandom()), expiry, clock,
                builder.rotateRefreshTokens, registry);
        Map<Route, Endpoint> endpoints = new EnumMap<>(Route.class);
        endpoints.put(Route.LOGIN, new LoginEndpoint(directory, sessions, replies, clock));
        endpoints.put(Route.GENERATE_TOKENS, new RefreshEndpoint(sessions, replies));
        endpoints.put(Route.GET_PROFILE, new BearerGuard(sessions, replies, new ProfileEndpoint(replies)));
        endpoints.put(Route.LOGOUT, new BearerGuard(sessions, replies, new LogoutEndpoint(replies)));
        endpoints.put(Route.GET_RMS, new BearerGuard(sessions, replies, new FundsEndpoint(replies)));
        this.rateLimits = builder.rateLimits ? new RateLimits(clock) : null;
        RouteDispatcher dispatcher = new RouteDispatcher(mapper, replies, directory, rateLimits, endpoints);
        ControlApi control = builder.controlApi ? new ControlApi(mapper, new Controls()) : null;
        this.limits = new HttpLimits(HttpLimits.DEFAULT_MAX_HEAD_BYTES, builder.maxRequestBodyBytes,
                builder.requestTimeout, HttpLimits.DEFAULT_IDLE_TIMEOUT, builder.maxConnections);
        this.handler = new CallHandler(dispatcher, replies, faults, requestLog, clock, stopped, builder.faultDelay,
                CAPTURED_BODY_PREFIX, control, builder.requestListener);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Binds the loopback address (the configured port, or a free one) and starts serving.
     *
     * @return the base URL, without a trailing slash, e.g. {@code http://127.0.0.1:41234}
     * @throws IllegalStateException when already started or closed
     * @throws UncheckedIOException  when the port cannot be bound
     */
    public synchronized URI start() {
        if (closed) {
            throw new IllegalStateException("the sandbox is closed");
        }
        if (server != null) {
            throw new IllegalStateException("the sandbox is already started at " + baseUri);
        }
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try {
            server = HttpListener.start(new InetSocketAddress(loopback, port), limits, handler, workerThreads);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind the sandbox to " + loopback.getHostAddress() + ":" + port, e);
        }
        baseUri = URI.create("http://" + loopback.getHostAddress() + ":" + server.port());
        LOG.info("SmartAPI sandbox listening on {} with {} account(s)", baseUri, accounts.size());
        return baseUri;
    }

    /** The base URL once started. */
    public synchronized URI baseUri() {
        if (baseUri == null) {
            throw new IllegalStateException("the sandbox is not started");
        }
        return baseUri;
    }

    /** Scripted faults for the next calls to a route. */
    public Faults faults() {
        return faults;
    }

    /** How many calls reached {@code route} (faulted, rejected and rate-limited ones too). */
    public long calls(Route route) {
        return requestLog.count(Objects.requireNonNull(route, "route"));
    }

    /** The captured requests to every route, oldest first (the most recent ones, up to the configured limit). */
    public List<CapturedRequest> requests() {
        return requestLog.requests();
    }

    /** The captured requests to {@code route}, oldest first. */
    public List<CapturedRequest> requests(Route route) {
        return requestLog.requests(Objects.requireNonNull(route, "route"));
    }

    /** Forgets the captured requests and sets every call counter back to zero. */
    public void clearRequests() {
        requestLog.clear();
    }

    /** The accounts this sandbox serves. */
    public List<SandboxAccount> accounts() {
        return accounts;
    }

    /** The clock for TOTP checks, token times and rate-limit windows. */
    public Clock clock() {
        return clock;
    }

    /**
     * Ends every open session of the account on the server's side, as Angel One does when it
     * revokes a session: its tokens are refused with AG8001 from now on and its refresh token
     * with AB8050. Returns how many sessions were ended.
     */
    public int revokeSessions(String clientCode) {
        return sessions.revokeAll(clientCode);
    }

    /**
     * How many sessions the sandbox remembers now, after forgetting the logged-out, expired and
     * idle ones (see {@link Builder#sessionIdleTimeout(Duration)}).
     */
    public int openSessions() {
        return registry.sweep(clock.instant());
    }

    /**
     * Back to a fresh start: scripted faults, call counters, captured requests, rate-limit
     * windows and every session (as revoked) are dropped. Accounts and the clock stay.
     */
    public void reset() {
        faults.clear();
        requestLog.clear();
        registry.clear();
        if (rateLimits != null) {
            rateLimits.clear();
        }
    }

    /** Stops serving at once; pending delayed replies are dropped. Safe to call twice. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        stopped.countDown();
        if (server != null) {
            server.close();
            LOG.info("SmartAPI sandbox at {} stopped", baseUri);
        }
    }

    /** What the control API acts on. */
    private final class Controls implements ControlTargets {

        @Override
        public Faults faults() {
            return faults;
        }

        @Override
        public Clock clock() {
            return clock;
        }

        @Override
        public SandboxClock controllableClock() {
            return clock instanceof SandboxClock sandboxClock ? sandboxClock : null;
        }

        @Override
        public int revokeSessions(String clientCode) {
            return SmartApiSandbox.this.revokeSessions(clientCode);
        }

        @Override
        public long calls(Route route) {
            return SmartApiSandbox.this.calls(route);
        }

        @Override
        public int openSessions() {
            return SmartApiSandbox.this.openSessions();
        }

        @Override
        public int openConnections() {
            HttpListener listener = server;
            return listener == null ? 0 : listener.openConnections();
        }

        @Override
        public List<CapturedRequest> requests() {
            return SmartApiSandbox.this.requests();
        }

        @Override
        public List<CapturedRequest> requests(Route route) {
            return SmartApiSandbox.this.requests(route);
        }

        @Override
        public void reset() {
            SmartApiSandbox.this.reset();
        }
    }

    /** Configures a sandbox; every setting has a default, and no account given means the demo account. */
    public static final class Builder {

        private final List<SandboxAccount> accounts = new ArrayList<>();
        private Clock clock;
        private boolean controlApi;
        private java.util.function.Consumer<CapturedRequest> requestListener;
        private int port;
        private boolean rateLimits = true;
        private Duration tokenLifetime;
        private boolean rotateRefreshTokens;
        private Duration faultDelay = Duration.ofSeconds(60);
        private int capturedRequestLimit = 1000;
        private int workerThreads = Math.max(8, 4 * Runtime.getRuntime().availableProcessors());
        private Duration requestTimeout = HttpLimits.DEFAULT_REQUEST_TIMEOUT;
        private int maxRequestBodyBytes = HttpLimits.DEFAULT_MAX_BODY_BYTES;
        private int maxConnections = HttpLimits.DEFAULT_MAX_CONNECTIONS;
        private int maxSessionsPerAccount = 1000;
        private Duration sessionIdleTimeout = Duration.ofHours(24);

        private Builder() {
        }

        /** Adds an account; call once per account. */
        public Builder account(SandboxAccount account) {
            accounts.add(Objects.requireNonNull(account, "account"));
            return this;
        }

        /**
         * Serves the control API under {@code /__sandbox/} (faults, clock, revoke, counters, requests,
         * reset; see the README) on the sandbox's loopback port; off by default.
         */
        public Builder controlApi(boolean enabled) {
            this.controlApi = enabled;
            return this;
        }

        /**
         * Called with every captured request, on the thread serving it (keep it short); print
         * {@link CapturedRequest#toString()}, which is one line with the secrets masked.
         */
        public Builder requestListener(java.util.function.Consumer<CapturedRequest> listener) {
            this.requestListener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * The clock for TOTP checks, token times and rate-limit windows; default a
         * {@link SandboxClock} running at real time from now (which the control API can move).
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The loopback port to bind; 0 (the default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535");
            }
            this.port = port;
            return this;
        }

        /** The documented per-account rate limits; on by default, off for load tests. */
        public Builder rateLimits(boolean enabled) {
            this.rateLimits = enabled;
            return this;
        }

        /** Tokens expire this long after issue, instead of at the next midnight IST (the default). */
        public Builder tokenLifetime(Duration lifetime) {
            TokenExpiry.after(Objects.requireNonNull(lifetime, "lifetime")); // rejects zero and negative
            this.tokenLifetime = lifetime;
            return this;
        }

        /**
         * Whether generateTokens issues a new refresh token and invalidates the one it was given.
         * Off by default: the same refresh token is answered and keeps working, which is what the
         * official SDKs rely on (they reuse the login's refresh token for every refresh). Turn it
         * on to check that a client saves the rotated token.
         */
        public Builder rotateRefreshTokens(boolean rotate) {
            this.rotateRefreshTokens = rotate;
            return this;
        }

        /** How long a {@link Fault#DELAY} holds its reply; default 60 seconds. Wall time, not the sandbox clock. */
        public Builder faultDelay(Duration delay) {
            Objects.requireNonNull(delay, "delay");
            if (delay.isNegative()) {
                throw new IllegalArgumentException("the fault delay must not be negative");
            }
            this.faultDelay = delay;
            return this;
        }

        /** How many recent requests to keep for {@link #requests()}; default 1000, 0 keeps none. */
        public Builder capturedRequestLimit(int limit) {
            if (limit < 0) {
                throw new IllegalArgumentException("the limit must not be negative");
            }
            this.capturedRequestLimit = limit;
            return this;
        }

        /**
         * How long a client may take to send one whole request, head and body, from its first
         * byte; default 10 s. Past it the sandbox answers 408 and closes the connection.
         */
        public Builder requestTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("the request timeout must be positive");
            }
            this.requestTimeout = timeout;
            return this;
        }

        /** The largest request body accepted; default 64 KiB. A larger one gets 413. */
        public Builder maxRequestBodyBytes(int bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("the body limit must be positive");
            }
            this.maxRequestBodyBytes = bytes;
            return this;
        }

        /** How many connections are served at once (one thread each); default 2048. One more is closed at once. */
        public Builder maxConnections(int connections) {
            if (connections < 1) {
                throw new IllegalArgumentException("at least one connection");
            }
            this.maxConnections = connections;
            return this;
        }

        /**
         * How many sessions of one account are remembered; default 1000. Beyond it, the session
         * least recently used is ended, as by a server-side logout.
         */
        public Builder maxSessionsPerAccount(int sessions) {
            if (sessions < 1) {
                throw new IllegalArgumentException("at least one session per account");
            }
            this.maxSessionsPerAccount = sessions;
            return this;
        }

        /**
         * A session nobody used (no refresh, no secure call) for this long on the sandbox clock is
         * ended; default 24 hours (a session used once in a trading day stays). Expired and logged-out
         * sessions are forgotten anyway, and {@link #maxSessionsPerAccount(int)} bounds the rest.
         */
        public Builder sessionIdleTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("the idle timeout must be positive");
            }
            this.sessionIdleTimeout = timeout;
            return this;
        }

        /** Connection threads kept ready while idle; default four per processor, at least 8. */
        public Builder workerThreads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("at least one worker thread");
            }
            this.workerThreads = threads;
            return this;
        }

        /** Builds the sandbox without binding anything; call {@link SmartApiSandbox#start()} next. */
        public SmartApiSandbox build() {
            return new SmartApiSandbox(this);
        }
    }
}
