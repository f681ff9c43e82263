package io.github.smartapiauth.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import feign.Feign;
import feign.Request;
import feign.Retryer;
import feign.http2client.Http2Client;
import feign.jackson.JacksonDecoder;
import io.github.smartapiauth.adapter.storage.FileSessionStore;
import io.github.smartapiauth.application.service.RenewalSettings;
import io.github.smartapiauth.application.service.Sleeper;
import io.github.smartapiauth.bootstrap.SmartApiAuth;
import io.github.smartapiauth.domain.error.SessionExpiredException;
import io.github.smartapiauth.domain.event.SessionEvent;
import io.github.smartapiauth.domain.session.Session;
import io.github.smartapiauth.domain.session.SessionPolicy;
import io.github.smartapiauth.domain.totp.TotpClock;
import io.github.smartapiauth.sandbox.CapturedRequest;
import io.github.smartapiauth.sandbox.Fault;
import io.github.smartapiauth.sandbox.Route;
import io.github.smartapiauth.sandbox.SmartApiSandbox;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A trading day, 09:00 IST to 00:10 IST the next day (the quiet evening skipped in one jump),
 * compressed into about a minute: a driver
 * thread runs the script on one compressed clock that the sandbox and the core share (continuous rather
 * than ticked, so request stamps map back to real time exactly), while 200 threads ask the
 * facade for tokens and make platform calls through its interceptor and renewing client. Tokens
 * live an hour, the server revokes the session twice, transient faults and rate-limit answers are
 * injected, and the midnight IST cut-off passes. Every failed call is counted with the sandbox time
 * it failed at; the only ones allowed are SessionExpiredException in the declared cut-off window.
 * Faults are injected on generateTokens and getRMS, not on loginByPassword: the client paces a login
 * retry in real time (a second is hundreds of simulated ones here), so its TOTP code would be stale on arrival
 * in any compressed run; the fault matrix covers login retries on a consistent clock.
 * The upstream login and refresh calls are checked against SmartAPI's 1 per second per account.
 */
@Order(30)
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class TradingDaySoakTest {

    private static final int THREADS = 200;
    private static final Instant START = ZonedDateTime.parse("2026-11-24T09:00:00+05:30[Asia/Kolkata]").toInstant();
    private static final Instant CUTOFF = ZonedDateTime.parse("2026-11-25T00:00:00+05:30[Asia/Kolkata]").toInstant();
    private static final Instant END = CUTOFF.plus(Duration.ofMinutes(10));
    /** Simulated seconds per real second: about 65 s of real time for the day. */
    private static final long FACTOR = Long.getLong("soak.factor", 400);
    private static final long TICK_MILLIS = 5;
    private static final Instant EVENING = START.atZone(SessionPolicy.INDIA).with(LocalTime.of(16, 30)).toInstant();
    private static final Instant NIGHT = START.atZone(SessionPolicy.INDIA).with(LocalTime.of(23, 30)).toInstant();
    private static final Duration TOKEN_LIFETIME = Duration.ofHours(1);
    /** Sandbox time after the cut-off within which a failure still belongs to the cut-off window. */
    private static final Duration AFTER_CUTOFF = Duration.ofMinutes(2);

    @TempDir
    Path vaultDir;

    record Failure(Instant at, String what) {
    }

    /** When something is injected, in sandbox time (IST), and what. */
    record Scripted(LocalTime atIst, String what, Runnable action) {
    }

    @Test
    void aCompressedTradingDayWithRevocationsFaultsAndTheCutoffFailsNoCallOutsideTheDeclaredWindow() throws Exception {
        CompressedClock clock = new CompressedClock(START, FACTOR);
        // Waits follow the simulated clock: a TOTP step boundary is 30 simulated seconds away, not 30 real ones.
        AtomicBoolean driving = new AtomicBoolean(true);
        Sleeper onTheSandboxClock = duration -> {
            Instant until = clock.instant().plus(duration);
            while (clock.instant().isBefore(until) && driving.get()) {
                Thread.sleep(1);
            }
        };
        ConcurrentLinkedQueue<String> renewalFailures = new ConcurrentLinkedQueue<>();
        Map<String, LongAdder> events = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<Failure> failures = new ConcurrentLinkedQueue<>();
        LongAdder tokenCalls = new LongAdder();
        LongAdder platformCalls = new LongAdder();
        List<String> injected = new ArrayList<>();
        ScriptAftermath aftermath = new ScriptAftermath();

        try (World world = new World(clock, vaultDir, SmartApiSandbox.builder().rateLimits(false)
                .tokenLifetime(TOKEN_LIFETIME).faultDelay(Duration.ofMillis(1500)).workerThreads(32)
                .capturedRequestLimit(400_000));
             SmartApiAuth auth = SmartApiAuth.builder()
                     .config(world.config(world.http(Duration.ofSeconds(1), true), renewal()))
                     .clock(clock).sleeper(onTheSandboxClock)
                     .listener(event -> {
                         if (event instanceof SessionEvent.Refreshed || event instanceof SessionEvent.Opened
                                 || event instanceof SessionEvent.Restored) {
                             aftermath.renewed();
                         }
                         events.computeIfAbsent(event.getClass().getSimpleName(), k -> new LongAdder()).increment();
                         if (event instanceof SessionEvent.RenewalFailed failed) {
                             renewalFailures.add(failed.at() + " " + failed.error().getMessage());
                         }
                     })
                     .build()) {
            RmsApi rms = Feign.builder()
                    .requestInterceptor(auth.requestInterceptor())
                    .client(auth.renewingClient(new Http2Client()))
                    .options(new Request.Options(Duration.ofSeconds(2), Duration.ofSeconds(5), false))
                    .retryer(Retryer.NEVER_RETRY)
                    .decoder(new JacksonDecoder())
                    .target(RmsApi.class, world.baseUrl.toString());
            auth.accessToken();
            rms.getRms();
            clock.run();

            List<Scripted> script = script(world, clock);
            AtomicBoolean trading = new AtomicBoolean(true);
            CountDownLatch done = new CountDownLatch(THREADS);
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int id = t;
                Thread worker = new Thread(() -> {
                    try {
                        long n = 0;
                        while (trading.get()) {
                            n++;
                            boolean platform = (n + id) % 50 == 0;
                            try {
                                if (platform) {
                                    platformCalls.increment();
                                    JsonNode answer = aftermath.platformCall(rms::getRms);
                                    if (answer == null || !answer.path("status").asBoolean(false)) {
                                        failures.add(new Failure(clock.instant(), "platform: "
                                                + (answer == null ? "empty" : answer.path("errorcode").asText())));
                                    }
                                } else {
                                    tokenCalls.increment();
                                    if (auth.accessToken().isEmpty()) {
                                        failures.add(new Failure(clock.instant(), "empty token"));
                                    }
                                }
                            } catch (RuntimeException e) {
                                failures.add(new Failure(clock.instant(), e.getClass().getSimpleName()));
                            }
                            Thread.sleep(2);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        done.countDown();
                    }
                }, "trader-" + t);
                worker.setDaemon(true);
                workers.add(worker);
                worker.start();
            }

            // The driver: the day passes; scripted events fire when their time comes.
            int next = 0;
            while (clock.instant().isBefore(END)) {
                Thread.sleep(TICK_MILLIS);
                Instant now = clock.instant();
                // An item waits until the previous one has played out (see ScriptAftermath), so that no two items
                // add up to more faulty answers in a row than one renewal's retries or one call's retry can absorb.
                while (next < script.size() && istTime(now, script.get(next).atIst())
                        && aftermath.playedOut(nonePending(world))) {
                    Scripted scripted = script.get(next++);
                    aftermath.injecting();
                    scripted.action().run();
                    injected.add(scripted.atIst() + " " + scripted.what());
                }
            }
            trading.set(false);
            // Keep the clock moving until every trader has returned (one may be waiting on it).
            assertThat(done.await(60, TimeUnit.SECONDS)).as("every trader returned").isTrue();
            driving.set(false);
            for (Thread worker : workers) {
                worker.join(5_000);
            }

            // The session survived the day: a new process takes it up from the vault.
            Optional<Session> stored;
            try (FileSessionStore reader = world.reopenVault()) {
                stored = reader.load(World.ACCOUNT);
            }

            Limits logins = limits(world.sandbox.requests(Route.LOGIN), clock);
            Limits refreshes = limits(world.sandbox.requests(Route.GENERATE_TOKENS), clock);
            Instant windowStart = CUTOFF.minus(SessionPolicy.DEFAULT_EXPIRY_MARGIN);
            Instant windowEnd = CUTOFF.plus(AFTER_CUTOFF);
            List<Failure> inWindow = failures.stream().filter(f -> !f.at().isBefore(windowStart)
                    && f.at().isBefore(windowEnd) && f.what().equals(SessionExpiredException.class.getSimpleName())).toList();
            List<Failure> outside = failures.stream().filter(f -> !inWindow.contains(f)).toList();

            ReportSections.write(40, report(tokenCalls.sum(), platformCalls.sum(), world, logins, refreshes,
                    inWindow.size(), outside, injected, events, windowStart, windowEnd));

            renewalFailures.forEach(f -> System.out.println("renewal failed: " + f));
            System.out.println("refreshes at: " + world.sandbox.requests(Route.GENERATE_TOKENS).stream()
                    .map(r -> r.receivedAt().toString()).toList());
            System.out.println("stored at the end: " + stored.map(x -> x.openedAt() + " renewed " + x.renewedAt()
                    + " expires " + x.expiresAt()));
            System.out.println("logins at: " + world.sandbox.requests(Route.LOGIN).stream()
                    .map(r -> r.receivedAt().toString()).toList());
            assertThat(stored).as("a session of the new day is stored").isPresent();
            assertThat(stored.get().openedAt()).isAfter(CUTOFF);
            assertThat(outside).as("failed calls outside the declared cut-off window").isEmpty();
            assertThat(logins.maxPerSandboxSecond()).isLessThanOrEqualTo(1);
            assertThat(refreshes.maxPerSandboxSecond()).isLessThanOrEqualTo(1);
            // Real time: the client spaces sends 1.05 s apart; arrivals may come closer by the loopback delivery and
            // the server's queueing on a loaded 2-core machine, allowed for here and reported in the table.
            assertThat(logins.minWallGapMillis()).as("least real time between two logins' arrivals").isGreaterThan(900);
            assertThat(refreshes.minWallGapMillis()).as("least real time between two refreshes' arrivals").isGreaterThan(900);
            assertThat(world.sandbox.calls(Route.LOGIN)).as("the first login, two after revocations, one after the cut-off"
                    + ", plus retries of injected faults").isBetween(4L, 8L);
            assertThat(events.getOrDefault("Refreshed", new LongAdder()).sum()).as("tokens expired and were refreshed")
                    .isGreaterThanOrEqualTo(2);
        }
    }

    /**
     * The defaults, except the least time a TOTP code must have left in its step: compressed hundreds of times,
     * a few milliseconds of loopback latency and scheduling are seconds of simulated time, so the 2 s
     * SmartAPI margin (sized for real latency) becomes 20 s here.
     */
    private static RenewalSettings renewal() {
        RenewalSettings defaults = RenewalSettings.defaults();
        return new RenewalSettings(defaults.policy(), new TotpClock(Duration.ofSeconds(30), Instant.EPOCH,
                Duration.ofSeconds(20)), defaults.retry(), defaults.leaseWait(), defaults.staleRetryInterval(),
                defaults.maxTotpFailures());
    }

    private static boolean nonePending(World world) {
        for (Route route : Route.values()) {
            if (world.sandbox.faults().pending(route) > 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean istTime(Instant now, LocalTime atIst) {
        ZonedDateTime local = now.atZone(SessionPolicy.INDIA);
        ZonedDateTime at = START.atZone(SessionPolicy.INDIA).with(atIst);
        if (atIst.isBefore(LocalTime.of(9, 0))) {
            at = at.plusDays(1);
        }
        return !local.isBefore(at);
    }

    private static List<Scripted> script(World world, CompressedClock clock) {
        var faults = world.sandbox.faults();
        return List.of(
                new Scripted(LocalTime.of(10, 0), "2 x TRANSIENT_ERROR on generateTokens",
                        () -> faults.next(Route.GENERATE_TOKENS, Fault.TRANSIENT_ERROR, 2)),
                new Scripted(LocalTime.of(10, 30), "server revokes the session (1)",
                        () -> world.sandbox.revokeSessions(Sentinels.CLIENT_CODE)),
                // One at a time: two in a row could refuse one platform call's single retry as well, which is
                // the broker's answer to that call (the renewing client retries once), not a library failure.
                new Scripted(LocalTime.of(11, 0), "INVALID_TOKEN on getRMS (1 of 3)",
                        () -> faults.next(Route.GET_RMS, Fault.INVALID_TOKEN, 1)),
                new Scripted(LocalTime.of(11, 10), "INVALID_TOKEN on getRMS (2 of 3)",
                        () -> faults.next(Route.GET_RMS, Fault.INVALID_TOKEN, 1)),
                new Scripted(LocalTime.of(11, 20), "INVALID_TOKEN on getRMS (3 of 3)",
                        () -> faults.next(Route.GET_RMS, Fault.INVALID_TOKEN, 1)),
                new Scripted(LocalTime.of(12, 0), "2 x RATE_LIMIT on generateTokens",
                        () -> faults.next(Route.GENERATE_TOKENS, Fault.RATE_LIMIT, 2)),
                new Scripted(LocalTime.of(13, 0), "HTTP_500 then CONNECTION_RESET on generateTokens",
                        () -> faults.next(Route.GENERATE_TOKENS, Fault.HTTP_500, 1)
                                .next(Route.GENERATE_TOKENS, Fault.CONNECTION_RESET, 1)),
                new Scripted(LocalTime.of(14, 0), "server revokes the session (2)",
                        () -> world.sandbox.revokeSessions(Sentinels.CLIENT_CODE)),
                new Scripted(LocalTime.of(15, 0), "DELAY (past the read timeout) on generateTokens",
                        () -> faults.next(Route.GENERATE_TOKENS, Fault.DELAY, 1)),
                new Scripted(LocalTime.of(16, 0), "MALFORMED_JSON, EMPTY_BODY on generateTokens",
                        () -> faults.next(Route.GENERATE_TOKENS, Fault.MALFORMED_JSON, 1)
                                .next(Route.GENERATE_TOKENS, Fault.EMPTY_BODY, 1)),
                new Scripted(LocalTime.of(16, 30), "the evening passes in one jump to 23:30 (every token expired meanwhile)",
                        () -> clock.jump(Duration.between(clock.instant(), NIGHT))),
                new Scripted(LocalTime.of(23, 45), "RATE_LIMIT on generateTokens",
                        () -> faults.next(Route.GENERATE_TOKENS, Fault.RATE_LIMIT, 1)));
    }

    /** Upstream calls of one route: most in one sandbox second, and most within any rolling wall-clock second. */
    record Limits(int calls, int maxPerSandboxSecond, int maxInAnyWallSecond, long minWallGapMillis) {
    }

    /**
     * The sandbox stamps each request with the compressed clock, which maps back exactly to the real
     * time of arrival; both the broker's (simulated) seconds and rolling real seconds are counted.
     */
    private static Limits limits(List<CapturedRequest> requests, CompressedClock clock) {
        Map<Long, Integer> perSecond = new TreeMap<>();
        List<Long> wall = new ArrayList<>();
        for (CapturedRequest request : requests) {
            perSecond.merge(request.receivedAt().getEpochSecond(), 1, Integer::sum);
            long jumped = request.receivedAt().isBefore(NIGHT) ? 0 : clock.jumpedMillis();
            wall.add(clock.wallNanosAt(request.receivedAt(), jumped));
        }
        wall.sort(null);
        int maxWall = requests.isEmpty() ? 0 : 1;
        long minGap = Long.MAX_VALUE;
        for (int i = 0; i < wall.size(); i++) {
            int inSecond = 1;
            for (int j = i + 1; j < wall.size() && wall.get(j) - wall.get(i) < 1_000_000_000L; j++) {
                inSecond++;
            }
            maxWall = Math.max(maxWall, inSecond);
            if (i + 1 < wall.size()) {
                minGap = Math.min(minGap, (wall.get(i + 1) - wall.get(i)) / 1_000_000);
            }
        }
        return new Limits(requests.size(), perSecond.values().stream().mapToInt(Integer::intValue).max().orElse(0),
                maxWall, minGap == Long.MAX_VALUE ? -1 : minGap);
    }

    private static String report(long tokenCalls, long platformCalls, World world, Limits logins, Limits refreshes,
                                 int declared, List<Failure> outside, List<String> injected, Map<String, LongAdder> events,
                                 Instant windowStart, Instant windowEnd) {
        StringBuilder md = new StringBuilder("## Simulated trading day\n\n");
        md.append("09:00 IST to 16:30 IST, then one jump to 23:30 IST, then on past the cut-off to 00:10 IST, ").append(THREADS).append(" threads, simulated time ")
                .append(FACTOR).append(" times faster than real time")
                .append(" (one clock for the sandbox and the core; the facade's sleeper waits on")
                .append(" it; the TOTP send margin is 20 s instead of 2 s, because the compression magnifies loopback latency")
                .append(" times). Tokens live ").append(TOKEN_LIFETIME.toMinutes()).append(" min; client pacing on.\n\n");
        md.append("| measure | value |\n|---|---|\n");
        md.append("| calls made through the facade (accessToken) | ").append(tokenCalls).append(" |\n");
        md.append("| platform calls (getRMS via interceptor + renewing client) | ").append(platformCalls).append(" |\n");
        md.append("| failed calls in the declared cut-off window (SessionExpiredException, ").append(windowStart)
                .append(" to ").append(windowEnd).append(") | ").append(declared).append(" |\n");
        md.append("| failed calls outside it | ").append(outside.size()).append(" |\n");
        md.append("| upstream logins / refreshes / profile / logout | ").append(world.sandbox.calls(Route.LOGIN)).append(" / ")
                .append(world.sandbox.calls(Route.GENERATE_TOKENS)).append(" / ").append(world.sandbox.calls(Route.GET_PROFILE))
                .append(" / ").append(world.sandbox.calls(Route.LOGOUT)).append(" |\n");
        md.append("| logins: most in one sandbox second / in any rolling wall second / least wall gap | ")
                .append(logins.maxPerSandboxSecond()).append(" / ").append(logins.maxInAnyWallSecond()).append(" / ")
                .append(logins.minWallGapMillis()).append(" ms |\n");
        md.append("| refreshes: most in one sandbox second / in any rolling wall second / least wall gap | ")
                .append(refreshes.maxPerSandboxSecond()).append(" / ").append(refreshes.maxInAnyWallSecond()).append(" / ")
                .append(refreshes.minWallGapMillis()).append(" ms |\n");
        md.append("| limits checked | at most 1 login and 1 refresh in any second of the broker's (simulated) clock;"
                + " in real time, arrivals at least 900 ms apart (the client sends them 1.05 s apart; the rest is delivery"
                + " and server queueing under load) |\n");
        md.append("| session events | ").append(new TreeMap<>(events)).append(" |\n\n");
        md.append("Injected (IST): ").append(String.join("; ", injected)).append(".\n");
        outside.stream().limit(20).forEach(f -> md.append("- failed outside the window: ").append(f).append('\n'));
        return md.toString();
    }

    /**
     * When a scripted item has played out. Pacing runs in real time (1.05 s between upstream calls,
     * seven simulated minutes here), so one renewal's retries or one platform call's retry can span the
     * time of the next item: the 15:00 DELAY and the 16:00 MALFORMED_JSON and EMPTY_BODY once landed on
     * the three attempts of one refresh, and the 11:20 INVALID_TOKEN once on the retry of the call that
     * met the 11:10 one. Both are the broker failing a call as many times as the client tries, a
     * declared failure, not what this soak is about. So the next item waits until the previous one's
     * faults were all consumed, a renewal succeeded after it was injected, and every platform call
     * begun before both held (the one that met a fault, and its retry, among them) has returned.
     */
    static final class ScriptAftermath {

        private final AtomicLong renewals = new AtomicLong();
        private final AtomicLong callsBegun = new AtomicLong();
        private final ConcurrentSkipListSet<Long> callsInFlight =
                new ConcurrentSkipListSet<>();
        private long renewalsWhenInjected = -1;
        private long lastCallToWaitFor = -1;

        void renewed() {
            renewals.incrementAndGet();
        }

        <T> T platformCall(Supplier<T> call) {
            long ticket = callsBegun.incrementAndGet();
            callsInFlight.add(ticket);
            try {
                return call.get();
            } finally {
                callsInFlight.remove(ticket);
            }
        }

        /** Called by the driver only. */
        void injecting() {
            renewalsWhenInjected = renewals.get();
            lastCallToWaitFor = -1;
        }

        /** Called by the driver only; true once the previous item (if any) has played out. */
        boolean playedOut(boolean noFaultPending) {
            if (renewalsWhenInjected < 0) {
                return true;
            }
            if (lastCallToWaitFor < 0) {
                if (!noFaultPending || renewals.get() <= renewalsWhenInjected) {
                    return false;
                }
                lastCallToWaitFor = callsBegun.get();
            }
            return callsInFlight.isEmpty() || callsInFlight.first() > lastCallToWaitFor;
        }
    }
}
