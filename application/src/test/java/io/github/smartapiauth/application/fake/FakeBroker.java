package io.github.smartapiauth.application.fake;

import io.github.smartapiauth.application.port.out.AuthenticationPort;
import io.github.smartapiauth.application.port.out.ProfilePort;
import io.github.smartapiauth.domain.credential.ApiKey;
import io.github.smartapiauth.domain.credential.ClientCode;
import io.github.smartapiauth.domain.credential.Credentials;
import io.github.smartapiauth.domain.credential.Pin;
import io.github.smartapiauth.domain.credential.TotpCode;
import io.github.smartapiauth.domain.error.ConfigurationException;
import io.github.smartapiauth.domain.error.InvalidCredentialsException;
import io.github.smartapiauth.domain.error.InvalidTotpException;
import io.github.smartapiauth.domain.error.RefreshRejectedException;
import io.github.smartapiauth.domain.error.SessionExpiredException;
import io.github.smartapiauth.domain.error.SmartApiAuthException;
import io.github.smartapiauth.domain.profile.Profile;
import io.github.smartapiauth.domain.session.SessionPolicy;
import io.github.smartapiauth.domain.token.AccessToken;
import io.github.smartapiauth.domain.token.FeedToken;
import io.github.smartapiauth.domain.token.RefreshToken;
import io.github.smartapiauth.domain.token.TokenSet;
import io.github.smartapiauth.domain.totp.TotpClock;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * An in-memory SmartAPI for tests: issues unique tokens and checks them as the real server
 * does, counts calls, and fails or holds calls on request. It passes the same contracts as the
 * HTTP adapter against the sandbox ({@code AuthenticationPortContract}, {@code ProfilePortContract}):
 *
 * <ul>
 *   <li>It knows the accounts it was given ({@link #account(Credentials)}): an unknown API key is a
 *       {@link ConfigurationException} (AG8004), an unknown client code or a wrong MPIN an
 *       {@link InvalidCredentialsException} (AB1032, AB1007).</li>
 *   <li>It accepts the TOTP codes {@link StepCodes} gives, for its clock's step and one step either
 *       way, each step once per account: a wrong or replayed code is an {@link InvalidTotpException}
 *       (AB1050).</li>
 *   <li>A login opens a session; a refresh keeps the session, spends the refresh token it was given
 *       and the access token that went with it; a logout or a revocation ends the session, so its
 *       access token is refused (AG8001) and its refresh token too (AB8050).</li>
 * </ul>
 */
public final class FakeBroker implements AuthenticationPort, ProfilePort {

    /** The broker operations. */
    public enum Operation { LOGIN, REFRESH, LOGOUT, PROFILE }

    private static final TotpClock TOTP = TotpClock.smartApi();
    private static final int DRIFT_STEPS = 1;

    private final Clock clock;
    private final Map<Operation, AtomicInteger> calls = new EnumMap<>(Operation.class);
    private final Map<Operation, Queue<SmartApiAuthException>> scriptedFailures = new EnumMap<>(Operation.class);
    private final Map<ClientCode, Account> accounts = new ConcurrentHashMap<>();
    private final Map<String, BrokerSession> byAccessToken = new ConcurrentHashMap<>();
    private final Map<String, BrokerSession> byRefreshToken = new ConcurrentHashMap<>();
    private final List<String> codesReceived = new CopyOnWriteArrayList<>();
    private final AtomicInteger serial = new AtomicInteger();
    private volatile Function<Instant, Optional<Instant>> expiryOfTokensIssuedAt;
    private volatile CountDownLatch gate;
    private final java.util.concurrent.Semaphore heldCalls = new java.util.concurrent.Semaphore(0);

    public FakeBroker(Clock clock) {
        this.clock = clock;
        SessionPolicy policy = SessionPolicy.defaults();
        this.expiryOfTokensIssuedAt = issuedAt -> Optional.of(policy.tradingDayEnd(issuedAt));
        for (Operation operation : Operation.values()) {
            calls.put(operation, new AtomicInteger());
            scriptedFailures.put(operation, new ConcurrentLinkedQueue<>());
        }
    }

    /**
     * An account this broker lets log in: its API key, client code and MPIN (copied; wiping the
     * given credentials later changes nothing). Giving an account again replaces its key and MPIN.
     */
    public FakeBroker account(Credentials credentials) {
        accounts.put(credentials.clientCode(), new Account(ApiKey.of(credentials.apiKey().reveal()),
                Pin.of(credentials.pin().reveal())));
        return this;
    }

    /** How the {@code exp} claim of new access tokens is chosen; empty means no readable claim. */
    public FakeBroker issuingTokensThatExpire(Function<Instant, Optional<Instant>> expiry) {
        this.expiryOfTokensIssuedAt = expiry;
        return this;
    }

    /** The next calls of {@code operation} fail with these errors, one each, in order. */
    public FakeBroker failNext(Operation operation, SmartApiAuthException... failures) {
        scriptedFailures.get(operation).addAll(List.of(failures));
        return this;
    }

    /** Holds every call until {@link #open()}, so that callers pile up behind one renewal. */
    public FakeBroker hold() {
        gate = new CountDownLatch(1);
        return this;
    }

    /** Blocks until {@code count} more calls are being held at the gate (at most 30 s). */
    public void awaitHeldCalls(int count) throws InterruptedException {
        if (!heldCalls.tryAcquire(count, 30, TimeUnit.SECONDS)) {
            throw new AssertionError("no call reached the held broker");
        }
    }

    public void open() {
        CountDownLatch current = gate;
        if (current != null) {
            current.countDown();
        }
    }

    /** Makes the broker forget an access token, as a server-side revocation of that token would. */
    public void revoke(AccessToken token) {
        byAccessToken.remove(token.value());
    }

    /**
     * Ends every open session of the account, as Angel One does when it revokes a session (and as
     * {@code SmartApiSandbox.revokeSessions} does): their access and refresh tokens are refused from
     * now on. Returns how many sessions were ended.
     */
    public int revokeSessions(ClientCode account) {
        int ended = 0;
        java.util.Set<BrokerSession> sessions = new java.util.HashSet<>(byAccessToken.values());
        sessions.addAll(byRefreshToken.values());
        for (BrokerSession session : sessions) {
            if (session.account.equals(account) && session.end()) {
                ended++;
            }
        }
        return ended;
    }

    public int calls(Operation operation) {
        return calls.get(operation).get();
    }

    public int upstreamRenewals() {
        return calls(Operation.LOGIN) + calls(Operation.REFRESH);
    }

    public List<String> codesReceived() {
        return List.copyOf(codesReceived);
    }

    @Override
    public TokenSet login(Credentials credentials, TotpCode code) {
        codesReceived.add(code.reveal());
        enter(Operation.LOGIN);
        checkApiKey(credentials.apiKey());
        Account account = accounts.get(credentials.clientCode());
        if (account == null || !account.apiKey.equals(credentials.apiKey())) {
            throw new InvalidCredentialsException("User Not Found", "AB1032");
        }
        if (!account.pin.equals(credentials.pin())) {
            throw new InvalidCredentialsException("Login id or password is invalid", "AB1007");
        }
        if (!account.accept(code.reveal(), TOTP.stepAt(clock.instant()))) {
            throw new InvalidTotpException("Invalid totp", "AB1050");
        }
        return issue(new BrokerSession(credentials.clientCode()));
    }

    @Override
    public TokenSet refresh(Credentials account, TokenSet current) {
        enter(Operation.REFRESH);
        checkApiKey(account.apiKey());
        BrokerSession session = byRefreshToken.remove(current.refreshToken().value());
        if (session == null || !session.isOpen()) {
            throw new RefreshRejectedException("Invalid Refresh Token", "AB8050");
        }
        byAccessToken.remove(current.accessToken().value());
        return issue(session);
    }

    @Override
    public void logout(Credentials account, AccessToken accessToken) {
        enter(Operation.LOGOUT);
        checkApiKey(account.apiKey());
        liveSession(accessToken).end();
    }

    @Override
    public Profile profile(Credentials credentials, AccessToken accessToken) {
        enter(Operation.PROFILE);
        checkApiKey(credentials.apiKey());
        ClientCode account = liveSession(accessToken).account;
        return new Profile(account, "Test User " + account, "", "", List.of("NSE"), List.of("DELIVERY"), Optional.empty(), "");
    }

    private void checkApiKey(ApiKey apiKey) {
        if (accounts.values().stream().noneMatch(account -> account.apiKey.equals(apiKey))) {
            throw new ConfigurationException("Invalid API Key", "AG8004");
        }
    }

    /** The open session of a token, or the gateway's AG8001. */
    private BrokerSession liveSession(AccessToken accessToken) {
        BrokerSession session = byAccessToken.get(accessToken.value());
        if (session == null || !session.isOpen()) {
            throw new SessionExpiredException("Invalid Token", "AG8001");
        }
        return session;
    }

    private void enter(Operation operation) {
        calls.get(operation).incrementAndGet();
        CountDownLatch current = gate;
        if (current != null) {
            heldCalls.release();
            try {
                if (!current.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never opened the broker's gate");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        SmartApiAuthException failure = scriptedFailures.get(operation).poll();
        if (failure != null) {
            throw failure;
        }
    }

    private TokenSet issue(BrokerSession session) {
        ClientCode account = session.account;
        int n = serial.incrementAndGet();
        String access = "access-" + account.value() + "-" + n;
        String refresh = "refresh-" + account.value() + "-" + n;
        byAccessToken.put(access, session);
        byRefreshToken.put(refresh, session);
        Optional<Instant> expiry = expiryOfTokensIssuedAt.apply(clock.instant());
        AccessToken accessToken = expiry.map(at -> AccessToken.of(access, at)).orElseGet(() -> AccessToken.withoutExpiry(access));
        return new TokenSet(accessToken, RefreshToken.of(refresh), FeedToken.of("feed-" + account.value() + "-" + n));
    }

    /** An account the broker knows, and the TOTP steps already used to log it in. */
    private static final class Account {
        final ApiKey apiKey;
        final Pin pin;
        private final java.util.Set<Long> usedSteps = new java.util.HashSet<>();

        Account(ApiKey apiKey, Pin pin) {
            this.apiKey = apiKey;
            this.pin = pin;
        }

        /** {@link StepCodes}' code of the current step or one either side, each step once. */
        synchronized boolean accept(String code, long currentStep) {
            usedSteps.removeIf(step -> step < currentStep - DRIFT_STEPS);
            for (long step = currentStep - DRIFT_STEPS; step <= currentStep + DRIFT_STEPS; step++) {
                if (StepCodes.codeForStep(step).equals(code)) {
                    return usedSteps.add(step);
                }
            }
            return false;
        }
    }

    /** A session on the broker's side: open from login until logout or revocation. */
    private static final class BrokerSession {
        final ClientCode account;
        private final java.util.concurrent.atomic.AtomicBoolean open = new java.util.concurrent.atomic.AtomicBoolean(true);

        BrokerSession(ClientCode account) {
            this.account = account;
        }

        boolean isOpen() {
            return open.get();
        }

        boolean end() {
            return open.compareAndSet(true, false);
        }
    }
}
