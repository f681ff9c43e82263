package io.github.smartapiauth.application.fake;

import io.github.smartapiauth.application.port.out.AuthenticationPort;
import io.github.smartapiauth.application.port.out.ProfilePort;
import io.github.smartapiauth.domain.credential.ApiKey;
import io.github.smartapiauth.domain.credential.ClientCode;
import io.github.smartapiauth.domain.credential.Credentials;
import io.github.smartapiauth.domain.credential.TotpCode;
import io.github.smartapiauth.domain.error.RefreshRejectedException;
import io.github.smartapiauth.domain.error.SessionExpiredException;
import io.github.smartapiauth.domain.error.SmartApiAuthException;
import io.github.smartapiauth.domain.profile.Profile;
import io.github.smartapiauth.domain.session.SessionPolicy;
import io.github.smartapiauth.domain.token.AccessToken;
import io.github.smartapiauth.domain.token.FeedToken;
import io.github.smartapiauth.domain.token.RefreshToken;
import io.github.smartapiauth.domain.token.TokenSet;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * An in-memory SmartAPI for core tests: issues unique tokens, checks them, counts calls, and
 * fails or holds calls on request.
 */
public final class FakeBroker implements AuthenticationPort, ProfilePort {

    /** The broker operations. */
    public enum Operation { LOGIN, REFRESH, LOGOUT, PROFILE }

    private final Clock clock;
    private final Map<Operation, AtomicInteger> calls = new EnumMap<>(Operation.class);
    private final Map<Operation, Queue<SmartApiAuthException>> scriptedFailures = new EnumMap<>(Operation.class);
    private final Set<String> liveAccessTokens = ConcurrentHashMap.newKeySet();
    private final Set<String> liveRefreshTokens = ConcurrentHashMap.newKeySet();
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

    /** Makes the broker forget a token, as a server-side revocation would. */
    public void revoke(AccessToken token) {
        liveAccessTokens.remove(token.value());
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
        return issue(credentials.clientCode());
    }

    @Override
    public TokenSet refresh(ApiKey apiKey, TokenSet current) {
        enter(Operation.REFRESH);
        if (!liveRefreshTokens.remove(current.refreshToken().value())) {
            throw new RefreshRejectedException("Invalid Refresh Token", "AB8050");
        }
        liveAccessTokens.remove(current.accessToken().value());
        return issue(ClientCode.of(current.accessToken().value().split("-")[1]));
    }

    @Override
    public void logout(ApiKey apiKey, ClientCode clientCode, AccessToken accessToken) {
        enter(Operation.LOGOUT);
        liveAccessTokens.remove(accessToken.value());
    }

    @Override
    public Profile profile(ApiKey apiKey, AccessToken accessToken) {
        enter(Operation.PROFILE);
        if (!liveAccessTokens.contains(accessToken.value())) {
            throw new SessionExpiredException("Invalid Token", "AG8001");
        }
        ClientCode account = ClientCode.of(accessToken.value().split("-")[1]);
        return new Profile(account, "Test User " + account, "", "", List.of("NSE"), List.of("DELIVERY"), Optional.empty(), "");
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

    private TokenSet issue(ClientCode account) {
        int n = serial.incrementAndGet();
        String access = "access-" + account.value() + "-" + n;
        String refresh = "refresh-" + account.value() + "-" + n;
        liveAccessTokens.add(access);
        liveRefreshTokens.add(refresh);
        Optional<Instant> expiry = expiryOfTokensIssuedAt.apply(clock.instant());
        AccessToken accessToken = expiry.map(at -> AccessToken.of(access, at)).orElseGet(() -> AccessToken.withoutExpiry(access));
        return new TokenSet(accessToken, RefreshToken.of(refresh), FeedToken.of("feed-" + account.value() + "-" + n));
    }
}
