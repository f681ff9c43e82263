package io.github.smartapiauth.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
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
 * at once, pending delayed replies included.
 */
public final class SmartApiSandbox implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SmartApiSandbox.class);
    private static final int BACKLOG = 512;
    private static final String NODELAY_PROPERTY = "sun.net.httpserver.nodelay";

    private final List<SandboxAccount> accounts;
    private final Clock clock;
    private final int port;
    private final int workerThreads;
    private final Faults faults = new Faults();
    private final SessionAuthority sessions;
    private final RequestLog requestLog;
    private final ExchangeHandler handler;
    private final ScheduledExecutorService delays;

    private HttpServer server;
    private ExecutorService workers;
    private URI baseUri;
    private boolean closed;

    private SmartApiSandbox(Builder builder) {
        this.accounts = List.copyOf(builder.accounts.isEmpty() ? List.of(SandboxAccount.demo()) : builder.accounts);
        this.clock = builder.clock;
        this.port = builder.port;
        this.workerThreads = builder.workerThreads;
        this.requestLog = new RequestLog(builder.capturedRequestLimit);
        ObjectMapper mapper = new ObjectMapper();
        Replies replies = new Replies(mapper);
        AccountDirectory directory = new AccountDirectory(accounts);
        TokenExpiry expiry = builder.tokenLifetime == null
                ? TokenExpiry.nextMidnightIst() : TokenExpiry.after(builder.tokenLifetime);
        this.sessions = new SessionAuthority(new TokenSigner(new SecureRandom()), expiry, clock,
                builder.rotateRefreshTokens);
        Map<Route, Endpoint> endpoints = new EnumMap<>(Route.class);
        endpoints.put(Route.LOGIN, new LoginEndpoint(directory, sessions, replies, clock));
        endpoints.put(Route.GENERATE_TOKENS, new RefreshEndpoint(sessions, replies));
        endpoints.put(Route.GET_PROFILE, new BearerGuard(sessions, replies, new ProfileEndpoint(replies)));
        endpoints.put(Route.LOGOUT, new BearerGuard(sessions, replies, new LogoutEndpoint(replies)));
        endpoints.put(Route.GET_RMS, new BearerGuard(sessions, replies, new FundsEndpoint(replies)));
        RouteDispatcher dispatcher = new RouteDispatcher(mapper, replies, directory,
                builder.rateLimits ? new RateLimits(clock) : null, endpoints);
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, daemonThreads("smartapi-sandbox-delay"));
        scheduler.setRemoveOnCancelPolicy(true);
        this.delays = scheduler;
        this.handler = new ExchangeHandler(dispatcher, replies, faults, requestLog, clock, delays, builder.faultDelay);
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
        disableNagleUnlessConfigured();
        InetAddress loopback = InetAddress.getLoopbackAddress();
        HttpServer created;
        try {
            created = HttpServer.create(new InetSocketAddress(loopback, port), BACKLOG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind the sandbox to " + loopback.getHostAddress() + ":" + port, e);
        }
        workers = Executors.newFixedThreadPool(workerThreads, daemonThreads("smartapi-sandbox-worker"));
        created.setExecutor(workers);
        created.createContext("/", handler);
        created.start();
        server = created;
        baseUri = URI.create("http://" + loopback.getHostAddress() + ":" + created.getAddress().getPort());
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

    /** Stops serving at once; pending delayed replies are dropped. Safe to call twice. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        delays.shutdownNow();
        if (server != null) {
            server.stop(0);
            workers.shutdownNow();
            LOG.info("SmartAPI sandbox at {} stopped", baseUri);
        }
    }

    /**
     * The JDK server writes the response headers and the body in two packets; with Nagle's
     * algorithm on, the body waits for the client's delayed ACK, about 40 ms per call on
     * Linux. The server reads this property once, when the JVM's first HttpServer starts; a
     * value the user set is left alone.
     */
    private static void disableNagleUnlessConfigured() {
        if (System.getProperty(NODELAY_PROPERTY) == null) {
            System.setProperty(NODELAY_PROPERTY, "true");
        }
    }

    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Configures a sandbox; every setting has a default, and no account given means the demo account. */
    public static final class Builder {

        private final List<SandboxAccount> accounts = new ArrayList<>();
        private Clock clock = Clock.systemUTC();
        private int port;
        private boolean rateLimits = true;
        private Duration tokenLifetime;
        private boolean rotateRefreshTokens = true;
        private Duration faultDelay = Duration.ofSeconds(60);
        private int capturedRequestLimit = 1000;
        private int workerThreads = Math.max(8, 4 * Runtime.getRuntime().availableProcessors());

        private Builder() {
        }

        /** Adds an account; call once per account. */
        public Builder account(SandboxAccount account) {
            accounts.add(Objects.requireNonNull(account, "account"));
            return this;
        }

        /** The clock for TOTP checks, token times and rate-limit windows; default the system UTC clock. */
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
         * Whether generateTokens issues a new refresh token and invalidates the one it was given
         * (the default); when off, the same refresh token is answered and keeps working.
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

        /** Threads serving calls; default four per processor, at least 8. */
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
