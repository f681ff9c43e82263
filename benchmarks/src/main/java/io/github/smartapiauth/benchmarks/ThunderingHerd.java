package io.github.smartapiauth.benchmarks;

import io.github.smartapiauth.adapter.http.HttpSettings;
import io.github.smartapiauth.adapter.http.SmartApiHttpClient;
import io.github.smartapiauth.application.port.out.memory.InMemorySessionLease;
import io.github.smartapiauth.application.port.out.memory.InMemorySessionStore;
import io.github.smartapiauth.adapter.totp.Base32Decoder;
import io.github.smartapiauth.adapter.totp.GeneratedTotpAdapter;
import io.github.smartapiauth.adapter.totp.TotpGenerator;
import io.github.smartapiauth.adapter.totp.TotpParameters;
import io.github.smartapiauth.application.port.in.AccountCommand;
import io.github.smartapiauth.application.port.in.GetAccessTokenUseCase.AccountTokens;
import io.github.smartapiauth.application.service.RenewalSettings;
import io.github.smartapiauth.application.service.SessionService;
import io.github.smartapiauth.domain.credential.ApiKey;
import io.github.smartapiauth.domain.credential.ClientCode;
import io.github.smartapiauth.domain.credential.Credentials;
import io.github.smartapiauth.domain.credential.Pin;
import io.github.smartapiauth.domain.credential.TotpSecret;
import io.github.smartapiauth.domain.session.Session;
import io.github.smartapiauth.domain.session.SessionPolicy;
import io.github.smartapiauth.domain.token.AccessToken;
import io.github.smartapiauth.sandbox.Route;
import io.github.smartapiauth.sandbox.SandboxAccount;
import io.github.smartapiauth.sandbox.SandboxClock;
import io.github.smartapiauth.sandbox.SmartApiSandbox;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The thundering herd: N threads ask one account for a token at the very instant its session
 * turns EXPIRED (they must all wait for exactly one upstream renewal), then at the instant it
 * turns STALE (exactly one refresh, in the background; nobody waits for it). The real session
 * core and HTTP adapter against the sandbox over loopback, on one shared {@link SandboxClock}
 * that jumps to the instant while the callers are parked on a gate.
 *
 * <p>Usage: {@code ThunderingHerd [callers] [rounds] [results.properties]}.
 */
public final class ThunderingHerd {

    private static final PrintStream OUT = System.out;
    /** 00:30:10 IST: with 20-minute tokens, even 30 rounds stay within the trading day (no cut-off in the way). */
    private static final Instant START = Instant.parse("2025-01-05T19:00:10Z");

    private final int callers;
    private final SandboxClock clock = SandboxClock.at(START);
    private final SandboxAccount account = SandboxAccount.demo();
    private final SmartApiSandbox sandbox;
    private final SessionService service;
    private final SmartApiHttpClient http;
    private final AccountTokens tokens;
    private final SessionPolicy policy = RenewalSettings.defaults().policy();

    private ThunderingHerd(int callers) {
        this.callers = callers;
        sandbox = SmartApiSandbox.builder().account(account).clock(clock).rateLimits(false)
                .tokenLifetime(Duration.ofMinutes(20)).capturedRequestLimit(0).build();
        sandbox.start();
        ClientCode code = ClientCode.of(account.clientCode());
        http = new SmartApiHttpClient(HttpSettings.forBaseUrl(sandbox.baseUri()).withPacing(false));
        TotpGenerator totp = TotpGenerator.of(TotpSecret.of(Base32Decoder.decode(account.totpSecret())),
                TotpParameters.smartApi());
        service = SessionService.builder()
                .account(new Credentials(ApiKey.of(account.apiKey()), code, Pin.of(account.mpin())))
                .authentication(http)
                .profiles(http)
                .oneTimePasswords(GeneratedTotpAdapter.of(code, totp))
                .store(new InMemorySessionStore())
                .lease(new InMemorySessionLease())
                .clock(clock)
                .build();
        tokens = service.forAccount(code);
    }

    public static void main(String[] args) throws Exception {
        int callers = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path output = args.length > 2 ? Path.of(args[2]) : null;
        Results results = new Results().put("herd.callers", callers).put("herd.rounds", rounds);
        ThunderingHerd herd = new ThunderingHerd(callers);
        try {
            herd.run(rounds, results);
        } finally {
            herd.service.close();
            herd.http.close();
            herd.sandbox.close();
        }
        if (output != null) {
            results.writeTo(output);
        }
    }

    private void run(int rounds, Results results) throws InterruptedException {
        service.open(AccountCommand.of(tokens.account()));
        // Warm-up rounds (not reported), so the JIT has seen both paths once.
        expiredRound();
        staleRound();
        List<long[]> expiredWaits = new ArrayList<>();
        List<long[]> staleWaits = new ArrayList<>();
        long expiredUpstreamMax = 0;
        long expiredUpstreamMin = Long.MAX_VALUE;
        long staleUpstreamMax = 0;
        long staleUpstreamMin = Long.MAX_VALUE;
        int joinedMin = Integer.MAX_VALUE;
        int joinedMax = 0;
        for (int round = 0; round < rounds; round++) {
            Round expired = expiredRound();
            expiredWaits.add(expired.waits());
            expiredUpstreamMax = Math.max(expiredUpstreamMax, expired.upstream());
            expiredUpstreamMin = Math.min(expiredUpstreamMin, expired.upstream());
            joinedMin = Math.min(joinedMin, expired.joined());
            joinedMax = Math.max(joinedMax, expired.joined());
            Round stale = staleRound();
            staleWaits.add(stale.waits());
            staleUpstreamMax = Math.max(staleUpstreamMax, stale.upstream());
            staleUpstreamMin = Math.min(staleUpstreamMin, stale.upstream());
            OUT.printf("round %d: EXPIRED upstream=%d joined=%d %s | STALE upstream=%d %s%n", round + 1,
                    expired.upstream(), expired.joined(), describe(Percentiles.of(expired.waits())), stale.upstream(), describe(Percentiles.of(stale.waits())));
        }
        Percentiles expired = Percentiles.of(concat(expiredWaits));
        Percentiles stale = Percentiles.of(concat(staleWaits));
        OUT.printf("EXPIRED, %d callers x %d rounds: upstream calls per round %d..%d; %d..%d callers per round started"
                + " before the renewal returned; wait %s%n", callers, rounds, expiredUpstreamMin, expiredUpstreamMax,
                joinedMin, joinedMax, describe(expired));
        OUT.printf("STALE,   %d callers x %d rounds: upstream calls per round %d..%d; wait %s%n", callers, rounds,
                staleUpstreamMin, staleUpstreamMax, describe(stale));
        results.put("herd.expired.upstream.min", expiredUpstreamMin).put("herd.expired.upstream.max", expiredUpstreamMax)
                .put("herd.expired.joined.min", joinedMin).put("herd.expired.joined.max", joinedMax)
                .put("herd.expired.p50.us", Percentiles.micros(expired.p50()))
                .put("herd.expired.p99.us", Percentiles.micros(expired.p99()))
                .put("herd.expired.max.us", Percentiles.micros(expired.max()))
                .put("herd.stale.upstream.min", staleUpstreamMin).put("herd.stale.upstream.max", staleUpstreamMax)
                .put("herd.stale.p50.us", Percentiles.micros(stale.p50()))
                .put("herd.stale.p99.us", Percentiles.micros(stale.p99()))
                .put("herd.stale.max.us", Percentiles.micros(stale.max()));
    }

    private static String describe(Percentiles p) {
        return "p50 " + Percentiles.micros(p.p50()) + " us, p99 " + Percentiles.micros(p.p99()) + " us, max "
                + Percentiles.micros(p.max()) + " us";
    }

    /** Callers arrive exactly when the session turns EXPIRED: all wait for one renewal, all get its token. */
    private Round expiredRound() throws InterruptedException {
        Session before = service.validSession(tokens.account());
        long upstreamBefore = upstreamCalls();
        Round round = herd(() -> clock.set(policy.expiredAt(before)));
        long upstream = upstreamCalls() - upstreamBefore;
        AccessToken renewed = round.distinctTokens().size() == 1 ? round.distinctTokens().iterator().next() : null;
        if (renewed == null || renewed.sameValueAs(before.tokens().accessToken())) {
            throw new IllegalStateException("after expiry the callers got " + round.distinctTokens().size()
                    + " distinct tokens; expected the one renewed token");
        }
        return new Round(round.waits(), upstream, round.distinctTokens(), round.joined());
    }

    /** Callers arrive exactly when the session turns STALE: all keep the valid token at once, one refresh follows. */
    private Round staleRound() throws InterruptedException {
        Session before = service.validSession(tokens.account());
        long upstreamBefore = upstreamCalls();
        Round round = herd(() -> clock.set(policy.staleAt(before)));
        // The refresh runs in the background: wait (wall time) until it has published.
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (service.validSession(tokens.account()) == before && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        Thread.sleep(50); // a second, wrong refresh would show up here
        // Callers that ran after the background refresh published got its token: also right.
        AccessToken refreshed = service.validSession(tokens.account()).tokens().accessToken();
        for (AccessToken token : round.distinctTokens()) {
            if (!token.sameValueAs(before.tokens().accessToken()) && !token.sameValueAs(refreshed)) {
                throw new IllegalStateException("a STALE caller got neither the still-valid nor the refreshed token");
            }
        }
        return new Round(round.waits(), upstreamCalls() - upstreamBefore, round.distinctTokens(), round.joined());
    }

    private long upstreamCalls() {
        return sandbox.calls(Route.LOGIN) + sandbox.calls(Route.GENERATE_TOKENS);
    }

    private Round herd(Runnable atTheInstant) throws InterruptedException {
        CountDownLatch ready = new CountDownLatch(callers);
        CountDownLatch gate = new CountDownLatch(1);
        long[] waits = new long[callers];
        long[] starts = new long[callers];
        AtomicReferenceArray<AccessToken> got = new AtomicReferenceArray<>(callers);
        List<Thread> threads = new ArrayList<>(callers);
        for (int i = 0; i < callers; i++) {
            int index = i;
            Thread thread = new Thread(() -> {
                ready.countDown();
                try {
                    gate.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                long start = System.nanoTime();
                AccessToken token = tokens.accessToken();
                waits[index] = System.nanoTime() - start;
                starts[index] = start;
                got.set(index, token);
            }, "herd-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        ready.await();
        atTheInstant.run();
        gate.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        Set<AccessToken> distinct = new HashSet<>();
        for (int i = 0; i < callers; i++) {
            if (got.get(i) == null) {
                throw new IllegalStateException("caller " + i + " got no token");
            }
            distinct.add(got.get(i));
        }
        // No caller can return before the first return; callers that started before it overlapped the renewal.
        long firstReturn = Long.MAX_VALUE;
        for (int i = 0; i < callers; i++) {
            firstReturn = Math.min(firstReturn, starts[i] + waits[i]);
        }
        int overlapping = 0;
        for (int i = 0; i < callers; i++) {
            if (starts[i] < firstReturn) {
                overlapping++;
            }
        }
        return new Round(waits, 0, distinct, overlapping);
    }

    private static long[] concat(List<long[]> parts) {
        long[] all = new long[parts.stream().mapToInt(p -> p.length).sum()];
        int at = 0;
        for (long[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    /** @param joined callers that started before any caller had returned (for EXPIRED: those that joined the renewal) */
    private record Round(long[] waits, long upstream, Set<AccessToken> distinctTokens, int joined) {
    }
}
